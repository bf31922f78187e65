using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Domain.Readiness;

/// <summary>
/// A set of procedures as bits, stored as a small integer (<see cref="PlaybookRun.DoneProcedures"/>): the coverage
/// figures read which procedures a drill exercised from its run alone. Each bit is fixed by name, never by the
/// order of <see cref="Procedure"/>, because stored values and the migration that backfilled them depend on it.
/// </summary>
[Flags]
public enum ProcedureFlags : short
{
    None = 0,
    Evacuation = 1,
    Invacuation = 2,
    Lockdown = 4,
    Communication = 8,
    Other = 16,
}

public static class ProcedureFlag
{
    public static ProcedureFlags Of(Procedure procedure) => procedure switch
    {
        Procedure.Evacuation => ProcedureFlags.Evacuation,
        Procedure.Invacuation => ProcedureFlags.Invacuation,
        Procedure.Lockdown => ProcedureFlags.Lockdown,
        Procedure.Communication => ProcedureFlags.Communication,
        Procedure.Other => ProcedureFlags.Other,
        _ => throw new ArgumentOutOfRangeException(nameof(procedure)),
    };

    public static ProcedureFlags Of(IEnumerable<Procedure> procedures) =>
        procedures.Aggregate(ProcedureFlags.None, (flags, procedure) => flags | Of(procedure));

    /// <summary>The SQL twin of <see cref="Of(Procedure)"/> over a "RunSteps" row aliased <paramref name="alias"/> (a smallint).</summary>
    public static string Sql(string alias) =>
        $"""(CASE {alias}."Procedure" {string.Concat(Enum.GetValues<Procedure>().Select(p => $"WHEN '{p}' THEN {(short)Of(p)} "))}ELSE 0 END)::smallint""";

    /// <summary>A SQL condition: the flags in <paramref name="column"/> include <paramref name="procedure"/>.</summary>
    public static string HasSql(string column, Procedure procedure) => $"({column} & {(short)Of(procedure)}) <> 0";
}
