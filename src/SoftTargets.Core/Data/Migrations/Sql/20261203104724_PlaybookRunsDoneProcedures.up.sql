-- Finished runs keep the procedures of their done steps as bits (ProcedureFlags: Evacuation 1, Invacuation 2,
-- Lockdown 4, Communication 8, Other 16), so the coverage figures read the runs without joining their steps.
-- Runs still going on keep none until they finish. The compliance recount counts runs by site, kind, day and
-- finish, which this does not change: its trigger is off for the backfill, so the sites are not recounted.
ALTER TABLE "PlaybookRuns" DISABLE TRIGGER site_compliance_updated;

UPDATE "PlaybookRuns" r SET "DoneProcedures" = d.flags
FROM (SELECT s."RunId",
             bit_or(CASE s."Procedure" WHEN 'Evacuation' THEN 1 WHEN 'Invacuation' THEN 2 WHEN 'Lockdown' THEN 4
                                       WHEN 'Communication' THEN 8 WHEN 'Other' THEN 16 ELSE 0 END)::smallint AS flags
      FROM "RunSteps" s
      WHERE s."DoneAt" IS NOT NULL
      GROUP BY s."RunId") d
WHERE r."Id" = d."RunId" AND r."FinishedAt" IS NOT NULL;

ALTER TABLE "PlaybookRuns" ENABLE TRIGGER site_compliance_updated;
