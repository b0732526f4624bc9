using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>G-PRIMARY-GROUP: primary support groups of at most 12, at most 15 hours a week per pupil.</summary>
public sealed class GPrimaryGroup() : GroupRule(Id, "Decimocuarta B", Stage.Primary)
{
    public new const string Id = "G-PRIMARY-GROUP";

    public override string Text =>
        "[…] se podrá establecer apoyo educativo en grupos fuera del aula de referencia, durante un máximo de quince "
        + "horas semanales. […] El número de alumnos en estos grupos de apoyo no debe ser superior a 12 […]";

    public override Explanation Reading => Explanation.Of(nameof(Texts.ReadingGPrimaryGroup));

    public override IReadOnlyList<string> Parameters =>
        ["support_group_max", "support_hours_max", "min_support_hours", "teaching_hours_primary", "hours_per_day"];
}
