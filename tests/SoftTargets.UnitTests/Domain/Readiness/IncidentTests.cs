using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Readiness;

namespace SoftTargets.UnitTests.Domain.Readiness;

public class IncidentTests
{
    private static readonly DateTimeOffset OccurredAt = new(2026, 2, 14, 19, 5, 0, TimeSpan.Zero);

    private static Incident NewIncident() => new(Guid.NewGuid(), OccurredAt, "bomb-threat", "  Anonymous call  ");

    [Fact]
    public void A_new_incident_starts_in_phase_one_and_is_not_back_to_routine()
    {
        var incident = NewIncident();

        Assert.Equal(IncidentPhase.P1, incident.Phase);
        Assert.Null(incident.ReturnedToRoutineAt);
        Assert.Equal("Anonymous call", incident.Summary);
    }

    [Fact]
    public void An_incident_moves_forward_through_the_phases()
    {
        var incident = NewIncident();

        incident.MoveTo(IncidentPhase.P2, OccurredAt.AddMinutes(5));
        incident.MoveTo(IncidentPhase.P4, OccurredAt.AddMinutes(50));

        Assert.Equal(IncidentPhase.P4, incident.Phase);
        Assert.Null(incident.ReturnedToRoutineAt);
    }

    [Fact]
    public void Moving_to_an_earlier_phase_is_refused()
    {
        var incident = NewIncident();
        incident.MoveTo(IncidentPhase.P3, OccurredAt.AddMinutes(20));

        var ex = Assert.Throws<DomainException>(() => incident.MoveTo(IncidentPhase.P2, OccurredAt.AddMinutes(30)));

        Assert.Equal("PhaseBackwards", ex.Code);
        Assert.Equal(IncidentPhase.P3, incident.Phase);
    }

    [Fact]
    public void Moving_back_to_preparedness_is_refused()
    {
        var incident = NewIncident();

        var ex = Assert.Throws<DomainException>(() => incident.MoveTo(IncidentPhase.P0, OccurredAt));

        Assert.Equal("PhaseBackwards", ex.Code);
    }

    [Fact]
    public void Reaching_phase_five_records_the_return_to_routine()
    {
        var incident = NewIncident();
        var at = OccurredAt.AddHours(6);

        incident.MoveTo(IncidentPhase.P5, at);

        Assert.Equal(IncidentPhase.P5, incident.Phase);
        Assert.Equal(at, incident.ReturnedToRoutineAt);
    }

    [Fact]
    public void Reaching_phase_five_again_keeps_the_first_return_to_routine()
    {
        var incident = NewIncident();
        var first = OccurredAt.AddDays(5);
        incident.MoveTo(IncidentPhase.P5, first);

        incident.MoveTo(IncidentPhase.P5, first.AddDays(2));

        Assert.Equal(first, incident.ReturnedToRoutineAt);
    }
}
