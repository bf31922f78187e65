using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Readiness;

namespace SoftTargets.UnitTests.Domain.Readiness;

public class DoneProceduresTests
{
    private static readonly DateTimeOffset Start = PlaybookRunTests.Start;

    /// <summary>A drill of one step per procedure, keyed by the procedure's name, plus a second evacuation step.</summary>
    private static PlaybookRun Drill() => new(RunKind.Drill, Guid.NewGuid(), Guid.NewGuid(), 1,
        new GuidelinePlaybook("pb-mixed", "fire", new LocalizedText("Fire", "Požár"), 12,
        [
            .. Enum.GetValues<Procedure>().Select(p => Step(p.ToString(), p)),
            Step("Evacuation-2", Procedure.Evacuation),
        ]), "", "", Start);

    private static GuidelineStep Step(string key, Procedure procedure) =>
        new(key, IncidentPhase.P2, procedure, "security-lead", new LocalizedText("Security lead", "Vedoucí ostrahy"), 10,
            new LocalizedText($"Do {key}", $"Udělej {key}"), []);

    [Fact]
    public void A_finished_run_keeps_the_procedures_of_the_steps_done_late_or_in_time_and_not_of_the_missed_ones()
    {
        var run = Drill();
        run.Tick("Evacuation-2", "Martin Provozní", Start.AddMinutes(2));
        run.Tick("Lockdown", "Martin Provozní", Start.AddMinutes(25)); // late, still done

        run.Finish(Start.AddMinutes(30));

        Assert.Equal(ProcedureFlags.Evacuation | ProcedureFlags.Lockdown, run.DoneProcedures);
        Assert.Equal(StepOutcome.Late, run.Steps.Single(s => s.Key == "Lockdown").Outcome);
    }

    [Fact]
    public void A_run_keeps_no_procedures_while_it_goes_on_nor_after_a_tick_taken_back()
    {
        var run = Drill();
        run.Tick("Communication", "Martin Provozní", Start.AddMinutes(1));
        run.Tick("Invacuation", "Martin Provozní", Start.AddMinutes(1));
        Assert.Equal(ProcedureFlags.None, run.DoneProcedures);

        run.Untick("Invacuation");
        run.Finish(Start.AddMinutes(5));

        Assert.Equal(ProcedureFlags.Communication, run.DoneProcedures);
    }

    [Fact]
    public void A_run_with_nothing_done_keeps_no_procedures()
    {
        var run = Drill();

        run.Finish(Start.AddMinutes(5));

        Assert.Equal(ProcedureFlags.None, run.DoneProcedures);
    }

    [Fact]
    public void Every_procedure_has_its_own_bit()
    {
        var flags = Enum.GetValues<Procedure>().Select(ProcedureFlag.Of).ToList();

        Assert.All(flags, f => Assert.True(f != ProcedureFlags.None && ((short)f & ((short)f - 1)) == 0, $"{f} is not one bit"));
        Assert.Equal(flags.Count, flags.Distinct().Count());
        Assert.Equal(flags.Aggregate(ProcedureFlags.None, (a, f) => a | f), ProcedureFlag.Of(Enum.GetValues<Procedure>()));
    }

    [Fact]
    public void The_bits_are_fixed_by_name_as_stored_and_backfilled()
    {
        Assert.Equal(1, (short)ProcedureFlag.Of(Procedure.Evacuation));
        Assert.Equal(2, (short)ProcedureFlag.Of(Procedure.Invacuation));
        Assert.Equal(4, (short)ProcedureFlag.Of(Procedure.Lockdown));
        Assert.Equal(8, (short)ProcedureFlag.Of(Procedure.Communication));
        Assert.Equal(16, (short)ProcedureFlag.Of(Procedure.Other));
    }

    [Fact]
    public void The_SQL_twin_maps_each_procedure_name_to_its_bit()
    {
        var sql = ProcedureFlag.Sql("s");

        foreach (var procedure in Enum.GetValues<Procedure>())
            Assert.Contains($"WHEN '{procedure}' THEN {(short)ProcedureFlag.Of(procedure)} ", sql);
        Assert.Equal("(d.done & 4) <> 0", ProcedureFlag.HasSql("d.done", Procedure.Lockdown));
    }
}
