-- Replicas follow the change log with LISTEN honcho_changes; a notification is sent when a change-log insert
-- commits (NOTIFY is transactional), carrying its sequence number. Polling covers a missed notification.

CREATE FUNCTION honcho_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('honcho_changes', NEW.seq::text);
    RETURN NEW;
END;
$$;

CREATE TRIGGER change_log_notify
    AFTER INSERT ON change_log
    FOR EACH ROW EXECUTE FUNCTION honcho_notify_change();
