using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Core.Features.Methodology.Rules;

namespace SoftTargets.Core.Features.Plans.Storage;

/// <summary>
/// Writes a plan revision's guideline in the compact form and reads either stored form back into the whole guideline.
/// A guideline is stored compact only when it reads back exactly as generated (the same JSON); otherwise it is kept
/// whole, so a read never differs from what was generated.
/// </summary>
public static class PlanDocuments
{
    private static JsonSerializerOptions Options => JsonbConversion.Options;

    /// <summary>The whole guideline, as revisions were first stored.</summary>
    public static StoredGuideline Whole(Guideline guideline) => new(JsonSerializer.Serialize(guideline, Options));

    /// <summary>The compact form when it reads back as <paramref name="guideline"/>, else the whole guideline.</summary>
    /// <param name="site">The site it was generated for: its facts are kept, and the reasons they give again are not.</param>
    public static StoredGuideline Store(Guideline guideline, GuidelineTemplate template, SiteSnapshot? site = null)
    {
        var whole = JsonSerializer.SerializeToUtf8Bytes(guideline, Options);
        var compact = Compact(guideline, template, site is null ? null : FactsOf(site));
        if (compact is not null && JsonSerializer.SerializeToUtf8Bytes(Rebuild(compact, template), Options).AsSpan().SequenceEqual(whole))
            return new(JsonSerializer.Serialize(compact, Options));
        return new(Encoding.UTF8.GetString(whole));
    }

    /// <summary>Whether the stored guideline is in the compact form.</summary>
    public static bool IsCompact(StoredGuideline stored) => Parse(stored) is not null;

    /// <summary>The whole guideline; <paramref name="template"/> is that of the version the revision was generated from.</summary>
    public static Guideline Read(StoredGuideline stored, GuidelineTemplate template) =>
        Parse(stored) is { } compact ? Rebuild(compact, template) : ReadWhole(stored);

    /// <summary>The whole guideline of a revision generated from the published version <paramref name="versionId"/>.</summary>
    internal static async Task<Guideline> ReadAsync(SoftTargetsDbContext db, HybridCache cache, Guid versionId, StoredGuideline stored, CancellationToken ct) =>
        Parse(stored) is { } compact ? Rebuild(compact, await TemplateAsync(db, cache, versionId, ct)) : ReadWhole(stored);

    /// <summary>The whole guideline of a revision, loading its methodology version (for tools and tests; services read through the cache).</summary>
    public static async Task<Guideline> ReadAsync(SoftTargetsDbContext db, SitePlan plan, CancellationToken ct = default) =>
        Parse(plan.Document) is { } compact
            ? Rebuild(compact, GuidelineTemplate.Of(await db.MethodologyVersions.AsNoTracking().Where(v => v.Id == plan.MethodologyVersionId).Select(v => v.Content).SingleAsync(ct)))
            : ReadWhole(plan.Document);

    /// <summary>The template of a published version (which never changes), from the cache of published versions.</summary>
    internal static async Task<GuidelineTemplate> TemplateAsync(SoftTargetsDbContext db, HybridCache cache, Guid versionId, CancellationToken ct) =>
        await cache.GetOrCreateAsync($"methodology-version:{versionId}:guideline-template", (db, versionId),
            static async (state, token) => GuidelineTemplate.Of(
                await state.db.MethodologyVersions.AsNoTracking().Where(v => v.Id == state.versionId).Select(v => v.Content).SingleAsync(token)),
            cancellationToken: ct);

    private static Guideline ReadWhole(StoredGuideline stored) =>
        JsonSerializer.Deserialize<Guideline>(stored.Json, Options) ?? throw new InvalidOperationException("Empty guideline document.");

    private static CompactGuideline? Parse(StoredGuideline stored)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(stored.Json));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("form"u8))
            {
                var compact = JsonSerializer.Deserialize<CompactGuideline>(stored.Json, Options);
                return compact?.Form == CompactGuideline.CurrentForm ? compact : throw new InvalidOperationException($"Unknown stored guideline form {compact?.Form}.");
            }
            reader.Read();
            reader.Skip();
        }
        return null;
    }

    /// <summary>Null when the guideline does not follow the template's measures, playbooks or steps.</summary>
    private static CompactGuideline? Compact(Guideline guideline, GuidelineTemplate template, CompactFacts? facts)
    {
        if (guideline.Measures.Count != template.Measures.Count)
            return null;
        var strings = new Strings();
        var rules = Rules(template, facts, guideline.Tier);
        var measures = new CompactMeasure[guideline.Measures.Count];
        for (var i = 0; i < measures.Length; i++)
        {
            var m = guideline.Measures[i];
            var t = template.Measures[i];
            if (m.Key != t.Key)
                return null;
            var reason = rules?.Evaluate(t.AppliesWhen, m.Reason) is { } given && given.Holds == m.Applies && given.Reason == m.Reason
                ? null : strings.Pair(m.Reason);
            var variantReason = m.VariantReason is not { } vr ? null
                : m.Variant is { } v && v < (t.Variants?.Count ?? 0) && rules?.Evaluate(t.Variants![v].When, vr) is { } chosen && chosen.Reason == vr ? null
                : strings.Pair(vr);
            measures[i] = new(m.Applies, reason, m.Variant, variantReason);
        }

        var playbooks = new List<CompactPlaybook>(guideline.Playbooks.Count);
        var next = 0;
        foreach (var playbook in guideline.Playbooks)
        {
            while (next < template.Playbooks.Count && template.Playbooks[next].Template.Key != playbook.Key)
                next++;
            if (next == template.Playbooks.Count || Steps(playbook, template.Playbooks[next], strings, rules) is not { } steps)
                return null;
            playbooks.Add(new(next, playbook.InherentRisk, steps));
            next++;
        }

        var tierName = guideline.Tier is { } tier && template.TierNames.TryGetValue(tier, out var name) && name == guideline.TierName
            ? null : strings.Pair(guideline.TierName);
        return new CompactGuideline
        {
            Form = CompactGuideline.CurrentForm,
            Tier = guideline.Tier,
            TierName = tierName,
            TierReason = strings.Pair(guideline.TierReason),
            Measures = measures,
            Playbooks = playbooks,
            CalledByAnswers = guideline.CalledByAnswers,
            Gaps = guideline.Gaps.Select(g => new CompactGap(g.Kind, g.Subject, strings.Pair(g.Message))).ToList(),
            OutOfScope = guideline.OutOfScope is { } outOfScope ? strings.Pair(outOfScope) : null,
            InputsHash = guideline.InputsHash,
            Facts = facts,
            Strings = strings.All,
        };
    }

    /// <summary>One entry per template step, kept or left out; null when the playbook's steps do not follow the template.</summary>
    private static List<CompactStep>? Steps(GuidelinePlaybook playbook, GuidelineTemplate.PlaybookShape shape, Strings strings, GivenReasons? rules)
    {
        var steps = new List<CompactStep>(shape.Steps.Count);
        int kept = 0, left = 0;
        var leftOut = playbook.LeftOut ?? [];
        foreach (var template in shape.Steps)
        {
            if (kept < playbook.Steps.Count && playbook.Steps[kept].Key == template.Step.Key)
            {
                var step = playbook.Steps[kept++];
                var en = Pieces(step.Text.En, template.En, strings);
                var cs = Pieces(step.Text.Cs, template.Cs, strings);
                var sameAsEnglish = en is not null && cs is not null && en.AsSpan().SequenceEqual(cs);
                steps.Add(new CompactStep
                {
                    Reason = step.Reason is not { } reason || rules?.Evaluate(template.Step.When, reason)?.Reason == reason ? null : strings.Pair(reason),
                    En = en,
                    Cs = sameAsEnglish ? null : cs,
                    TextEn = en is null ? strings.Of(step.Text.En) : null,
                    TextCs = cs is null ? strings.Of(step.Text.Cs) : null,
                    Unfilled = step.Unfilled.Count == 0 ? null : step.Unfilled,
                });
            }
            else if (left < leftOut.Count && leftOut[left].Key == template.Step.Key)
            {
                var reason = leftOut[left++].Reason;
                steps.Add(new CompactStep { LeftOut = true, Reason = rules?.Evaluate(template.Step.When, reason)?.Reason == reason ? null : strings.Pair(reason) });
            }
            else
                return null;
        }
        return kept == playbook.Steps.Count && left == leftOut.Count ? steps : null;
    }

    /// <summary>What fills the gaps between the literal pieces, then what follows the last; null when the text does not fit them.</summary>
    private static int[]? Pieces(string text, string[] literals, Strings strings)
    {
        if (!text.StartsWith(literals[0], StringComparison.Ordinal))
            return null;
        var pieces = new int[literals.Length];
        var at = literals[0].Length;
        for (var i = 1; i < literals.Length; i++)
        {
            var found = text.IndexOf(literals[i], at, StringComparison.Ordinal);
            if (found < 0)
                return null;
            pieces[i - 1] = strings.Of(text[at..found]);
            at = found + literals[i].Length;
        }
        pieces[^1] = strings.Of(text[at..]);
        return pieces;
    }

    private static Guideline Rebuild(CompactGuideline stored, GuidelineTemplate template)
    {
        var s = stored.Strings;
        LocalizedText Pair(int[] pair) => new(s[pair[0]], s[pair[1]]);
        var rules = Rules(template, stored.Facts, stored.Tier);
        LocalizedText Given(Condition? rule) => rules!.Evaluate(rule).Reason;

        var measures = new GuidelineMeasure[stored.Measures.Count];
        for (var i = 0; i < measures.Length; i++)
        {
            var m = template.Measures[i];
            var c = stored.Measures[i];
            var title = c.Variant is { } v ? m.Variants![v].Title ?? m.Title : m.Title;
            measures[i] = new(m.Key, c.Applies, c.Reason is { } reason ? Pair(reason) : Given(m.AppliesWhen), m.Category, m.Priority, m.Role,
                m.ReviewMonths, title, c.Variant, c.VariantReason is { } vr ? Pair(vr) : c.Variant is { } chosen && rules is not null ? Given(m.Variants![chosen].When) : null);
        }

        var playbooks = new List<GuidelinePlaybook>(stored.Playbooks.Count);
        foreach (var playbook in stored.Playbooks)
        {
            var shape = template.Playbooks[playbook.Index];
            var steps = new List<GuidelineStep>(playbook.Steps.Count);
            List<LeftOutStep>? leftOut = null;
            for (var i = 0; i < playbook.Steps.Count; i++)
            {
                var c = playbook.Steps[i];
                var t = shape.Steps[i];
                var step = t.Step;
                if (c.LeftOut == true)
                {
                    (leftOut ??= []).Add(new(step.Key, step.Phase, step.Procedure, c.Reason is { } left ? Pair(left) : Given(step.When)));
                    continue;
                }
                var czech = c.Cs ?? (c.TextCs is null ? c.En : null);
                var text = new LocalizedText(c.En is { } en ? Join(t.En, en, s) : s[c.TextEn!.Value], czech is { } cs ? Join(t.Cs, cs, s) : s[c.TextCs!.Value]);
                var reason = c.Reason is { } why ? Pair(why) : step.When is not null && rules is not null ? Given(step.When) : null;
                steps.Add(new(step.Key, step.Phase, step.Procedure, step.Role, t.RoleName, step.TargetMinutes, text, c.Unfilled?.ToList() ?? [], reason));
            }
            playbooks.Add(new(shape.Template.Key, shape.Template.Threat, shape.ThreatName, playbook.InherentRisk, steps, leftOut));
        }

        return new Guideline
        {
            Tier = stored.Tier,
            TierName = stored.TierName is { } name ? Pair(name) : template.TierNames[stored.Tier!],
            TierReason = Pair(stored.TierReason),
            Measures = measures,
            Playbooks = playbooks,
            CalledByAnswers = stored.CalledByAnswers,
            OutOfScope = stored.OutOfScope is { } outOfScope ? Pair(outOfScope) : null,
            Gaps = stored.Gaps.Select(g => new GuidelineGap(g.Kind, g.Subject, Pair(g.Message))).ToList(),
            InputsHash = stored.InputsHash,
        };
    }

    private static string Join(string[] literals, int[] pieces, IReadOnlyList<string> strings)
    {
        if (literals.Length == 1 && strings[pieces[0]].Length == 0)
            return literals[0];
        var text = new StringBuilder(literals[0]);
        for (var i = 1; i < literals.Length; i++)
            text.Append(strings[pieces[i - 1]]).Append(literals[i]);
        return text.Append(strings[pieces[^1]]).ToString();
    }

    /// <summary>What the rules see of a site, as the generator sees it: a threat assessed twice counts with its higher risk.</summary>
    private static CompactFacts FactsOf(SiteSnapshot site)
    {
        var risks = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var threat in site.Threats)
            risks[threat.ThreatKey] = risks.TryGetValue(threat.ThreatKey, out var risk) ? Math.Max(risk, threat.InherentRisk) : threat.InherentRisk;
        var facts = SnapshotFacts.Of(site, risks);
        return new CompactFacts(facts.VenueTypeKey, facts.MaxOccupancy, facts.Attributes.Order(StringComparer.Ordinal).ToList(), risks, facts.Attendance);
    }

    private static GivenReasons? Rules(GuidelineTemplate template, CompactFacts? facts, string? tier) =>
        facts is null ? null : new GivenReasons(template.Rules, new RuleFacts(facts.VenueType, facts.Occupancy,
            facts.Attributes.ToHashSet(StringComparer.Ordinal), facts.Risks, tier, facts.Attendance));

    /// <summary>The reasons the version's rules give for the site's facts.</summary>
    private sealed class GivenReasons(RuleEvaluator rules, RuleFacts facts)
    {
        public RuleOutcome Evaluate(Condition? rule) => rules.Evaluate(rule, facts);

        /// <summary>The outcome for a rule of a stored reason; null when there is no rule to give it.</summary>
        public RuleOutcome? Evaluate(Condition? rule, LocalizedText stored) => rule is null && stored is null ? null : rules.Evaluate(rule, facts);
    }

    /// <summary>The texts of one stored guideline, each once.</summary>
    private sealed class Strings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        public List<string> All { get; } = [];

        public int Of(string? text)
        {
            text ??= "";
            if (!_index.TryGetValue(text, out var i))
            {
                i = All.Count;
                _index.Add(text, i);
                All.Add(text);
            }
            return i;
        }

        public int[] Pair(LocalizedText text) => [Of(text.En), Of(text.Cs)];
    }
}
