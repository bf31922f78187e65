-- Every site follows one methodology. Until now there was only ever one in use, so each existing site follows
-- the oldest methodology (the seeded one). The methodology does not enter the compliance figures: the recount
-- trigger is off for the backfill, so the sites are not recounted.
ALTER TABLE "Sites" DISABLE TRIGGER site_compliance_updated;
UPDATE "Sites" SET "MethodologyId" = (SELECT m."Id" FROM "Methodologies" m ORDER BY m."CreatedAt", m."Code" LIMIT 1);
ALTER TABLE "Sites" ENABLE TRIGGER site_compliance_updated;
ALTER TABLE "Sites" ALTER COLUMN "MethodologyId" DROP DEFAULT;
