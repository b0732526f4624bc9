using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>G-ESO-GROUP: ESO support groups of at most 12, at most 15 hours a week per pupil.</summary>
public sealed class GEsoGroup() : GroupRule(Id, "Decimoséptima B", Stage.Secondary)
{
    public new const string Id = "G-ESO-GROUP";

    public override string Text =>
        "El apoyo educativo en pequeño grupo, fuera del grupo de referencia, comprenderá un máximo de quince horas "
        + "semanales […] El número de alumnos atendidos en los grupos de apoyo no será superior a doce por grupo […]";

    public override Explanation Reading => Explanation.Of(nameof(Texts.ReadingGEsoGroup));

    public override IReadOnlyList<string> Parameters =>
        ["support_group_max", "support_hours_max", "min_support_hours", "teaching_hours_secondary", "hours_per_day"];
}
