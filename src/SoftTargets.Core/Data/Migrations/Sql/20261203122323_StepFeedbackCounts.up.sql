-- The editors' drill feedback counts every finished step by its key. Counting the steps themselves grows with
-- every drill held in the country, so the counts are kept: triggers on "RunSteps" add one row of changes per
-- key and statement (+1 for a step that has its outcome, -1 for one that loses it or is deleted). Rows are only
-- ever added, never updated, so two drills finishing at once neither wait for each other nor deadlock;
-- compact_step_feedback() folds them into one row per key. Every run kind is counted: the feedback takes the
-- few finished incidents away, as a step deleted with its site no longer says which kind its run was.
CREATE TABLE "StepFeedbackCounts" (
    "Key" text NOT NULL,
    "Runs" integer NOT NULL,
    "Done" integer NOT NULL,
    "Late" integer NOT NULL,
    "Missed" integer NOT NULL,
    "ElapsedSeconds" bigint NOT NULL,
    "Timed" integer NOT NULL
);

CREATE FUNCTION step_feedback_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "StepFeedbackCounts"
    SELECT s."Key", count(*), count(*) FILTER (WHERE s."Outcome" = 'Done'), count(*) FILTER (WHERE s."Outcome" = 'Late'),
           count(*) FILTER (WHERE s."Outcome" = 'Missed'), coalesce(sum(s."ElapsedSeconds"), 0), count(s."ElapsedSeconds")
    FROM new_rows s WHERE s."Outcome" IS NOT NULL GROUP BY s."Key";
    RETURN NULL;
END $$;

CREATE FUNCTION step_feedback_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "StepFeedbackCounts"
    SELECT s."Key", -count(*), -count(*) FILTER (WHERE s."Outcome" = 'Done'), -count(*) FILTER (WHERE s."Outcome" = 'Late'),
           -count(*) FILTER (WHERE s."Outcome" = 'Missed'), -coalesce(sum(s."ElapsedSeconds"), 0), -count(s."ElapsedSeconds")
    FROM old_rows s WHERE s."Outcome" IS NOT NULL GROUP BY s."Key";
    RETURN NULL;
END $$;

-- A tick or a note on a running step has no outcome yet: nothing to add.
CREATE FUNCTION step_feedback_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "StepFeedbackCounts"
    SELECT c."Key", sum(c.sign), coalesce(sum(c.sign) FILTER (WHERE c."Outcome" = 'Done'), 0),
           coalesce(sum(c.sign) FILTER (WHERE c."Outcome" = 'Late'), 0), coalesce(sum(c.sign) FILTER (WHERE c."Outcome" = 'Missed'), 0),
           coalesce(sum(c.sign * c."ElapsedSeconds"), 0),
           coalesce(sum(c.sign) FILTER (WHERE c."ElapsedSeconds" IS NOT NULL), 0)
    FROM (SELECT n."Key", 1 AS sign, n."Outcome", n."ElapsedSeconds" FROM new_rows n WHERE n."Outcome" IS NOT NULL
          UNION ALL
          SELECT o."Key", -1, o."Outcome", o."ElapsedSeconds" FROM old_rows o WHERE o."Outcome" IS NOT NULL) c
    GROUP BY c."Key";
    RETURN NULL;
END $$;

CREATE FUNCTION step_feedback_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "StepFeedbackCounts";
    RETURN NULL;
END $$;

CREATE TRIGGER step_feedback_inserted AFTER INSERT ON "RunSteps"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION step_feedback_inserted();
CREATE TRIGGER step_feedback_updated AFTER UPDATE ON "RunSteps"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION step_feedback_updated();
CREATE TRIGGER step_feedback_deleted AFTER DELETE ON "RunSteps"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION step_feedback_deleted();
CREATE TRIGGER step_feedback_truncated AFTER TRUNCATE ON "RunSteps"
    FOR EACH STATEMENT EXECUTE FUNCTION step_feedback_truncated();

-- Folds the rows of changes into one row per key (dropping keys that count nothing) and returns how many keys
-- remain. Safe to run on several nodes at once: each row of changes is deleted, and so folded, exactly once.
CREATE FUNCTION compact_step_feedback() RETURNS integer LANGUAGE sql AS $$
    WITH gone AS (DELETE FROM "StepFeedbackCounts" RETURNING *),
    kept AS (
        INSERT INTO "StepFeedbackCounts"
        SELECT g."Key", sum(g."Runs"), sum(g."Done"), sum(g."Late"), sum(g."Missed"), sum(g."ElapsedSeconds"), sum(g."Timed")
        FROM gone g GROUP BY g."Key" HAVING sum(g."Runs") <> 0
        RETURNING 1)
    SELECT count(*)::integer FROM kept;
$$;

INSERT INTO "StepFeedbackCounts"
SELECT s."Key", count(*), count(*) FILTER (WHERE s."Outcome" = 'Done'), count(*) FILTER (WHERE s."Outcome" = 'Late'),
       count(*) FILTER (WHERE s."Outcome" = 'Missed'), coalesce(sum(s."ElapsedSeconds"), 0), count(s."ElapsedSeconds")
FROM "RunSteps" s WHERE s."Outcome" IS NOT NULL GROUP BY s."Key";
