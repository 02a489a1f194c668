-- When the client's latest state was put in the outbox as ClientDirectoryChanged. The clients saved before the event
-- existed have none: the service publishes them once at startup (DirectoryPublication), then every save does.
ALTER TABLE client ADD COLUMN directory_published_at TIMESTAMP WITH TIME ZONE;
