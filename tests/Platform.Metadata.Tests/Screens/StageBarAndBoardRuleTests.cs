using Platform.Metadata.Definitions.Screens;
using Platform.Metadata.Validation;
using static Platform.Metadata.Tests.Screens.ScreenBuild;

namespace Platform.Metadata.Tests.Screens;

/// <summary>A form's stage bar and a view's board cards name the entity's fields and options.</summary>
public sealed class StageBarAndBoardRuleTests
{
    [Fact]
    public void A_stage_bar_over_a_choice_field_with_known_stages_and_fields_passes()
    {
        var form = Form("deal", ["name"]) with
        {
            StageBar = new FormStageBar { Field = "stage", Stages = new Dictionary<string, FormStage> { ["open"] = new() { Fields = ["amount", "owner"] } } },
        };

        Assert.Empty(DefinitionValidator.Validate([Crm([form])]));
    }

    [Fact]
    public void A_stage_bar_names_unknown_stages_and_fields_at_their_pointers()
    {
        var form = Form("deal", ["name"]) with
        {
            StageBar = new FormStageBar
            {
                Field = "stage",
                Stages = new Dictionary<string, FormStage> { ["open"] = new() { Fields = ["amont"] }, ["closed"] = new() },
            },
        };

        var errors = DefinitionValidator.Validate([Crm([form])]);

        Assert.Equal(["/stageBar/stages/open/fields/0", "/stageBar/stages/closed"], errors.Select(e => e.Pointer));
    }

    [Fact]
    public void A_stage_bar_needs_a_choice_field()
    {
        var form = Form("deal", ["name"]) with { StageBar = new FormStageBar { Field = "amount" } };

        var error = Assert.Single(DefinitionValidator.Validate([Crm([form])]));

        Assert.Equal("/stageBar/field", error.Pointer);
        Assert.Contains("is not a choice field", error.Message);
    }

    [Fact]
    public void Board_card_fields_are_fields_of_the_entity()
    {
        var view = View() with { Kanban = new ViewKanban { GroupBy = "stage", CardFields = ["amount", "nope"] } };

        var error = Assert.Single(DefinitionValidator.Validate([Crm(views: [view])]));

        Assert.Equal("/kanban/cardFields/1", error.Pointer);
    }
}
