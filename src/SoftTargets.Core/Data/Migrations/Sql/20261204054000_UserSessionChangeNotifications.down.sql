DROP TRIGGER "UserSessions_changed" ON "UserSessions";
DROP FUNCTION user_session_changed();
