using System.Globalization;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Guidelines;

namespace SoftTargets.Core.Features.Plans.Export;

/// <summary>The whole plan as an editable Word document: summary, gaps, contacts, zones, measures by category, playbooks by phase.</summary>
public static class PlanDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The whole plan as an editable Word document in the given language ("en" or "cs").</summary>
    public static byte[] Write(PlanExportData data, CultureInfo culture)
    {
        var title = $"{data.Site.Name} – {ExportTexts.ReadinessPlan.Text(culture)}";
        return WordBuilder.Write(title, ExportTexts.Language(culture), data.GeneratedAt, PageSetup.A4, doc =>
        {
            var writer = new Writer(data, culture, doc);
            writer.Summary();
            writer.Gaps();
            writer.Contacts();
            writer.Zones();
            writer.Measures();
            writer.Playbooks();
            writer.NotApplicable();
        });
    }

    private sealed class Writer(PlanExportData data, CultureInfo culture, WordBuilder doc)
    {
        private string T(LocalizedText text, params object[] args) => text.Text(culture, args);

        public void Summary()
        {
            var site = data.Site;
            doc.Title(site.Name);
            doc.Text(T(ExportTexts.Subtitle, data.Revision));
            doc.Heading1(T(ExportTexts.Summary));
            doc.Field(T(ExportTexts.Organization), data.OrganizationName);
            doc.Field(T(ExportTexts.Address), site.Address);
            doc.Field(T(ExportTexts.Region), T(data.Names.Region(site.Region)));
            doc.Field(T(ExportTexts.VenueType), T(data.VenueTypeName(site.VenueTypeKey)));
            doc.Field(T(ExportTexts.MaxOccupancy), ExportTexts.Number(site.MaxOccupancy, culture));
            doc.Field(T(ExportTexts.Tier), T(data.Guideline.TierName));
            doc.Field(T(ExportTexts.TierReason), T(data.Guideline.TierReason));
            if (data.Guideline.OutOfScope is { } outOfScope)
                doc.Field(T(ExportTexts.OutOfScope), T(outOfScope));
            doc.Field(T(ExportTexts.Methodology), T(ExportTexts.MethodologyVersion, data.MethodologyTitle, data.MethodologyVersion));
            doc.Field(T(ExportTexts.Revision), data.Revision.ToString(CultureInfo.InvariantCulture));
            doc.Field(T(ExportTexts.GeneratedAt), ExportTexts.PragueDateTime(data.GeneratedAt, culture));
            doc.Text(T(ExportTexts.GeneratedNote));
        }

        public void Gaps()
        {
            doc.Heading1(T(ExportTexts.Gaps));
            if (data.Guideline.OutOfScope is { } outOfScope)
                doc.Text(T(outOfScope));
            if (data.Guideline.Gaps.Count == 0)
                doc.Text(T(ExportTexts.NoGaps));
            foreach (var gap in data.Guideline.Gaps)
                doc.Bullet(T(gap.Message));
        }

        public void Contacts()
        {
            doc.Heading1(T(ExportTexts.Contacts));
            var contacts = SnapshotOrder.Contacts(data.Site);
            if (contacts.Count == 0)
            {
                doc.Text(T(ExportTexts.NoContacts));
                return;
            }
            doc.Table(
                [Col(ExportTexts.Role, 22), Col(ExportTexts.Name, 22), Col(ExportTexts.Phone, 18), Col(ExportTexts.Email, 26), Col(ExportTexts.Deputy, 12)],
                contacts.Select(c => Row(T(data.RoleName(c.RoleKey)), c.Name, c.Phone, c.Email, T(c.IsDeputy ? ExportTexts.Yes : ExportTexts.No))));
        }

        public void Zones()
        {
            doc.Heading1(T(ExportTexts.Zones));
            var zones = SnapshotOrder.Zones(data.Site);
            if (zones.Count == 0)
            {
                doc.Text(T(ExportTexts.NoZones));
                return;
            }
            doc.Table(
                [Col(ExportTexts.Zone, 24), Col(ExportTexts.Capacity, 13), Col(ExportTexts.Entrances, 13), Col(ExportTexts.AssemblyPoint, 25), Col(ExportTexts.InvacuationRoom, 25)],
                zones.Select(z => Row(z.Name, ExportTexts.Number(z.Capacity, culture), ExportTexts.Number(z.Entrances, culture), z.AssemblyPoint, z.InvacuationRoom)));
        }

        /// <summary>The applicable measures, one table per category, with their tracked state.</summary>
        public void Measures()
        {
            doc.Heading1(T(ExportTexts.Measures));
            var tracked = data.Measures.GroupBy(m => m.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var applicable = data.Guideline.Applicable.ToList();
            if (applicable.Count == 0)
                doc.Text(T(ExportTexts.NoMeasures));
            foreach (var category in applicable.GroupBy(m => m.Category).OrderBy(g => data.Names.CategoryOrder(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                doc.Heading2(T(data.Names.Category(category.Key)));
                doc.Table(
                    [
                        Col(ExportTexts.Key, 8), Col(ExportTexts.Measure, 18), Col(ExportTexts.Priority, 9), Col(ExportTexts.ResponsibleRole, 10),
                        Col(ExportTexts.Status, 10), Col(ExportTexts.Owner, 10), Col(ExportTexts.DueDate, 8), Col(ExportTexts.NextReview, 8), Col(ExportTexts.WhyApplies, 19),
                    ],
                    category.Select(m => MeasureRow(m, tracked.GetValueOrDefault(m.Key))));
            }
        }

        /// <summary>The appendix: measures of the methodology that do not apply, and why.</summary>
        public void NotApplicable()
        {
            doc.Heading1(T(ExportTexts.NotApplicable));
            var measures = data.Guideline.Measures.Where(m => !m.Applies).ToList();
            if (measures.Count == 0)
            {
                doc.Text(T(ExportTexts.AllApply));
                return;
            }
            doc.Table(
                [Col(ExportTexts.Key, 10), Col(ExportTexts.Measure, 30), Col(ExportTexts.Category, 18), Col(ExportTexts.WhyNot, 42)],
                measures.Select(m => Row(m.Key, T(m.Title), T(data.Names.Category(m.Category)), T(m.Reason))));
        }

        /// <summary>Each playbook under its threat, its steps grouped by phase P0–P5.</summary>
        public void Playbooks()
        {
            doc.Heading1(T(ExportTexts.Playbooks));
            if (data.Guideline.Playbooks.Count == 0)
                doc.Text(T(ExportTexts.NoPlaybooks));
            foreach (var playbook in data.Guideline.Playbooks)
            {
                doc.Heading2(T(ExportTexts.ThreatWithRisk, T(playbook.ThreatName), playbook.InherentRisk));
                foreach (var phase in playbook.Steps.GroupBy(s => s.Phase).OrderBy(g => g.Key))
                {
                    doc.Heading3(T(ExportTexts.PhaseName(phase.Key)));
                    doc.Table(
                        [Col(ExportTexts.Procedure, 14), Col(ExportTexts.Role, 17), Col(ExportTexts.TimeTarget, 11), Col(ExportTexts.Step, 58)],
                        phase.Select(s => Row(T(ExportTexts.ProcedureName(s.Procedure)), T(s.RoleName), Minutes(s.TargetMinutes), T(s.Text))));
                }
            }
        }

        private string[] MeasureRow(GuidelineMeasure measure, TrackedMeasure? state)
        {
            var status = state is null ? "" : T(ExportTexts.StatusName(state.Status));
            if (state is { EvidenceCount: > 0 })
                status += "\n" + ExportTexts.EvidenceCount.Count(culture, state.EvidenceCount);
            return Row(measure.Key, T(measure.Title), T(ExportTexts.PriorityName(measure.Priority)), T(data.RoleName(measure.Role)),
                status, state?.Owner ?? "", ExportTexts.Date(state?.DueDate, culture), ExportTexts.Date(state?.NextReview, culture), T(measure.Reason));
        }

        private string Minutes(int? minutes) => minutes is { } m ? T(ExportTexts.Minutes, m) : "";

        private Column Col(LocalizedText header, int weight) => new(T(header), weight);

        private static string[] Row(params string[] cells) => cells;
    }
}
