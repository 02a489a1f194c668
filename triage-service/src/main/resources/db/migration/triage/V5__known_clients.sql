-- The clients of notification-service's directory, from its ClientDirectoryChanged events (a compacted topic keyed
-- by client). A removed client keeps its row, marked removed, so that an older event replayed later cannot bring it
-- back: a change applies only when it is not older than the row's.
CREATE TABLE known_client (
    client_id  VARCHAR(200)             NOT NULL PRIMARY KEY,
    name       VARCHAR(200),
    removed    BOOLEAN                  NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
