-- Every site follows one methodology. Until now there was only ever one in use, so each existing site follows
-- the oldest methodology (the seeded one). Sites cannot be created before a methodology is published, but should a
-- database hold sites and no methodology at all, they get an empty one to follow that an editor can fill by import.
-- The methodology does not enter the compliance figures: the recount trigger is off for the backfill, so the sites
-- are not recounted.
INSERT INTO "Methodologies" ("Id", "Code", "Name", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy")
SELECT gen_random_uuid(), 'existing-sites', '{"en": "Methodology of the existing sites", "cs": "Metodika dosavadních objektů"}'::jsonb,
       now(), 'system', now(), 'system'
WHERE EXISTS (SELECT 1 FROM "Sites") AND NOT EXISTS (SELECT 1 FROM "Methodologies");
ALTER TABLE "Sites" DISABLE TRIGGER site_compliance_updated;
UPDATE "Sites" SET "MethodologyId" = (SELECT m."Id" FROM "Methodologies" m ORDER BY m."CreatedAt", m."Code" LIMIT 1);
ALTER TABLE "Sites" ENABLE TRIGGER site_compliance_updated;
ALTER TABLE "Sites" ALTER COLUMN "MethodologyId" DROP DEFAULT;
