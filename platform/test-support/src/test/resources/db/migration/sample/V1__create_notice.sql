CREATE TABLE notice (
    id      BIGINT PRIMARY KEY,
    subject TEXT NOT NULL
);

INSERT INTO notice (id, subject) VALUES (1, 'Suspicious logins on the VPN gateway');
