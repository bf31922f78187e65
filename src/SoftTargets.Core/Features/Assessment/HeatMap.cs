using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Features.Assessment;

/// <summary>Which of a threat's two ratings a heat map shows.</summary>
public enum RiskView
{
    Inherent,
    Residual,
}

/// <summary>Bands of the 1 to 25 risk score, for colour and words: 1–4 low, 5–9 medium, 10–16 high, 20–25 very high.</summary>
public enum RiskBand
{
    Low,
    Medium,
    High,
    VeryHigh,
}

/// <summary>An assessed threat as the heat map places it.</summary>
public sealed record HeatMapThreat(string Key, LocalizedText Name, int InherentLikelihood, int InherentImpact, int ResidualLikelihood, int ResidualImpact);

/// <summary>One cell of the 5×5 matrix and the threats rated into it, in the order they were given.</summary>
public sealed record HeatMapCell(int Likelihood, int Impact, IReadOnlyList<HeatMapThreat> Threats)
{
    public int Count => Threats.Count;
    public int Score => Likelihood * Impact;
    public RiskBand Band => HeatMap.BandOf(Score);
}

/// <summary>The 5×5 likelihood × impact matrix of a site's assessed threats, for their inherent or residual rating.</summary>
public sealed class HeatMap
{
    public const int Size = 5;

    private readonly HeatMapCell[,] _cells;

    private HeatMap(RiskView view, HeatMapCell[,] cells, int total)
    {
        View = view;
        _cells = cells;
        Total = total;
    }

    public RiskView View { get; }

    /// <summary>How many threats are placed; every threat is in exactly one cell.</summary>
    public int Total { get; }

    /// <summary>The cell at a likelihood and an impact, both 1 to 5.</summary>
    public HeatMapCell this[int likelihood, int impact] => _cells[likelihood - 1, impact - 1];

    public static HeatMap Build(IEnumerable<HeatMapThreat> threats, RiskView view)
    {
        var placed = new List<HeatMapThreat>[Size, Size];
        for (var l = 0; l < Size; l++)
            for (var i = 0; i < Size; i++)
                placed[l, i] = [];
        var total = 0;
        foreach (var threat in threats)
        {
            var (likelihood, impact) = view == RiskView.Inherent
                ? (threat.InherentLikelihood, threat.InherentImpact)
                : (threat.ResidualLikelihood, threat.ResidualImpact);
            // Ratings are validated on the way in; a stray value is clamped rather than lost from the picture.
            placed[Math.Clamp(likelihood, 1, Size) - 1, Math.Clamp(impact, 1, Size) - 1].Add(threat);
            total++;
        }

        var cells = new HeatMapCell[Size, Size];
        for (var l = 0; l < Size; l++)
            for (var i = 0; i < Size; i++)
                cells[l, i] = new HeatMapCell(l + 1, i + 1, placed[l, i]);
        return new HeatMap(view, cells, total);
    }

    public static RiskBand BandOf(int score) => score switch
    {
        <= 4 => RiskBand.Low,
        <= 9 => RiskBand.Medium,
        <= 16 => RiskBand.High,
        _ => RiskBand.VeryHigh,
    };
}
