using System.Text;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;

namespace SoftTargets.Core.Features.Guidelines;

/// <summary>The generator's own words, in English and Czech: the tier reason and the completeness gaps.</summary>
internal static class GuidelineTexts
{
    // The evaluator's sentence for a rule that fails starts so; the tier reason reuses what follows.
    private const string ExcludedEn = "Excluded because ";
    private const string ExcludedCs = "Neplatí, protože ";

    public static LocalizedText NoTier { get; } = new("No tier", "Bez úrovně");

    /// <summary>"Tier Standard because occupancy 800 ≥ 200; not Enhanced because venue type is School."</summary>
    public static LocalizedText TierReason(LocalizedText reason, IReadOnlyList<(LocalizedText Name, LocalizedText Excluded)> higher)
    {
        var en = new StringBuilder(reason.En.TrimEnd('.'));
        var cs = new StringBuilder(reason.Cs.TrimEnd('.'));
        foreach (var (name, excluded) in higher)
        {
            en.Append($"; not {name.En} because {Statements(excluded.En, ExcludedEn)}");
            cs.Append($"; není {name.Cs}, protože {Statements(excluded.Cs, ExcludedCs)}");
        }
        return new(en.Append('.').ToString(), cs.Append('.').ToString());
    }

    public static GuidelineGap MissingProcedure(Procedure procedure, bool anyPlaybook)
    {
        var (en, cs) = (English(procedure), Czech(procedure));
        return new(GapKind.MissingProcedure, Subject(procedure), anyPlaybook
            ? new($"No {en} procedure: the playbooks of the assessed threats have no {en} step; ask the methodology editors to add one.",
                $"Chybí postup {cs}: scénáře posouzených hrozeb nemají žádný krok tohoto druhu; požádejte autory metodiky o jeho doplnění.")
            : new($"No {en} procedure: assess at least one threat so that its playbook gives one.",
                $"Chybí postup {cs}: posuďte alespoň jednu hrozbu, její scénář reakce ho obsahuje."));
    }

    public static GuidelineGap NoAccountablePerson(Procedure procedure, IReadOnlyList<LocalizedText> roles) => new(
        GapKind.NoAccountablePerson, Subject(procedure),
        new($"Nobody is accountable for {English(procedure)}: add a contact for {Either(roles, false)} (not marked as deputy).",
            $"Za postup {Czech(procedure)} nikdo neodpovídá: doplňte kontakt pro roli {Either(roles, true)} (neoznačený jako zástupce)."));

    public static GuidelineGap NoDeputy(Procedure procedure, IReadOnlyList<LocalizedText> roles) => new(
        GapKind.NoDeputy, Subject(procedure),
        new($"No deputy for {English(procedure)}: add a deputy contact for {Either(roles, false)}.",
            $"Postup {Czech(procedure)} nemá zástupce: doplňte do kontaktů zástupce pro roli {Either(roles, true)}."));

    public static GuidelineGap MissingRequiredRole(string role, LocalizedText name) => new(
        GapKind.MissingRequiredRole, role,
        new($"Nobody holds the role {name.En}, which the methodology requires of this site: add a contact for it (not marked as deputy).",
            $"Roli {name.Cs} nikdo nezastává, ačkoli ji metodika po tomto objektu vyžaduje: doplňte pro ni kontakt (neoznačený jako zástupce)."));

    /// <summary>
    /// What being outside the methodology's scope means, after why: "Outside the scope of the methodology because occupancy 30 &lt; 50. …".
    /// </summary>
    public static LocalizedText OutOfScope(LocalizedText excluded, int baseline) => new(
        $"Outside the scope of the methodology because {Statements(excluded.En, ExcludedEn)}. The site gets a short baseline instead of the full plan: "
        + $"only the {baseline} baseline measures apply (each where its own rule holds), the other measures are not required and no deputies are asked for. "
        + "If the site grows or starts hosting events, update its profile and generate the plan again.",
        $"Mimo působnost metodiky, protože {Statements(excluded.Cs, ExcludedCs)}. Objekt dostává místo úplného plánu krátký základ: "
        + $"platí jen základní opatření ({baseline}; každé tam, kde platí jeho vlastní pravidlo), ostatní opatření se nevyžadují a zástupci se nepožadují. "
        + "Pokud se objekt rozroste nebo začne pořádat akce, upravte jeho profil a plán vygenerujte znovu.");

    public static LocalizedText NotInBaseline { get; } = new(
        "Not required: the site is outside the scope of the methodology, and this measure is not part of its baseline.",
        "Nevyžaduje se: objekt je mimo působnost metodiky a toto opatření nepatří k jejímu základu.");

    /// <summary>Gaps in the order a reader fixes them: missing procedures, people, deputies, then data.</summary>
    public static int Rank(GapKind kind) => kind switch
    {
        GapKind.MissingProcedure => 0,
        GapKind.NoAccountablePerson or GapKind.MissingRequiredRole => 1,
        GapKind.NoDeputy => 2,
        _ => 3,
    };

    /// <summary>
    /// The gaps in <see cref="Rank"/> order, then by subject (ordinal), equal ones as given: a stable sort in place,
    /// the few gaps of a site needing no more.
    /// </summary>
    public static List<GuidelineGap> Ordered(List<GuidelineGap> gaps)
    {
        for (var i = 1; i < gaps.Count; i++)
        {
            var gap = gaps[i];
            var j = i - 1;
            for (; j >= 0 && Compare(gaps[j], gap) > 0; j--)
                gaps[j + 1] = gaps[j];
            gaps[j + 1] = gap;
        }
        return gaps;
    }

    private static int Compare(GuidelineGap a, GuidelineGap b)
    {
        var rank = Rank(a.Kind).CompareTo(Rank(b.Kind));
        return rank != 0 ? rank : string.CompareOrdinal(a.Subject, b.Subject);
    }

    private static string Subject(Procedure procedure) => procedure.ToString().ToLowerInvariant();

    private static string English(Procedure procedure) => Subject(procedure);

    // Genitive, as in "postup evakuace".
    private static string Czech(Procedure procedure) => procedure switch
    {
        Procedure.Evacuation => "evakuace",
        Procedure.Invacuation => "ukrytí",
        Procedure.Lockdown => "uzamčení",
        Procedure.Communication => "komunikace",
        _ => Subject(procedure),
    };

    private static string Statements(string sentence, string prefix) =>
        sentence.StartsWith(prefix, StringComparison.Ordinal) ? sentence[prefix.Length..].TrimEnd('.') : sentence.TrimEnd('.');

    /// <summary>"Security lead, Duty manager or Steward lead".</summary>
    private static string Either(IReadOnlyList<LocalizedText> names, bool czech)
    {
        var text = new StringBuilder();
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0)
                text.Append(i == names.Count - 1 ? (czech ? " nebo " : " or ") : ", ");
            text.Append(czech ? names[i].Cs : names[i].En);
        }
        return text.ToString();
    }
}
