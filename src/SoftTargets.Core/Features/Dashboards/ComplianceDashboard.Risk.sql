-- How many assessed threats sit in each cell of the 5x5 matrix, for the inherent (view 0) and the residual (view 1)
-- rating. Every assessment belongs to a site: the whole country leaves out the restriction to the sites of the filter.
SELECT r.view AS "View", r.likelihood AS "Likelihood", r.impact AS "Impact", count(*)::int AS "Count"
FROM "ThreatScenarios" t
CROSS JOIN LATERAL (VALUES (0, t."InherentLikelihood", t."InherentImpact"), (1, t."ResidualLikelihood", t."ResidualImpact")) r(view, likelihood, impact)
{{only_the_filters_sites}}
GROUP BY r.view, r.likelihood, r.impact
