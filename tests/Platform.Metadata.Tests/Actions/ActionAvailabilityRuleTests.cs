using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Screens;
using Platform.Metadata.Kinds;
using Platform.Metadata.Validation;
using static Platform.Metadata.Tests.Build;
using static Platform.Metadata.Tests.Screens.ScreenBuild;

namespace Platform.Metadata.Tests.Actions;

/// <summary>An action's availableWhen is checked like a form rule's condition: real fields and options, at its pointer.</summary>
public class ActionAvailabilityRuleTests
{
    private static ModuleDefinition CrmWith(FormCondition when) =>
        Module("crm", Account, Deal with
        {
            Actions = new Dictionary<string, ActionDefinition> { ["close"] = new() { Script = "scripts/close.js", AvailableWhen = when } },
        });

    private static IEnumerable<DefinitionError> ActionErrors(FormCondition when) =>
        DefinitionValidator.Validate([CrmWith(when)]).Where(e => e.Pointer.StartsWith("/actions/", StringComparison.Ordinal));

    [Fact]
    public void A_condition_over_real_fields_and_options_passes()
    {
        var when = new FormCondition
        {
            And = [new FormCondition { Field = "stage", Op = "ne", Value = "won" }, new FormCondition { Field = "owner", Op = "notEmpty" }],
        };

        Assert.Empty(ActionErrors(when));
    }

    [Fact]
    public void An_unknown_field_is_reported_at_its_pointer_in_the_entity_file()
    {
        var when = new FormCondition { Or = [new FormCondition { Field = "amount", Op = "gt", Value = 0 }, new FormCondition { Not = new FormCondition { Field = "stge", Op = "eq", Value = "won" } }] };

        var error = Assert.Single(ActionErrors(when));

        Assert.Equal("/actions/close/availableWhen/or/1/not/field", error.Pointer);
        Assert.Equal("deal has no field 'stge'", error.Message);
        Assert.EndsWith("deal.json", error.File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_is_not_an_option_of_the_choice_is_reported()
    {
        var error = Assert.Single(ActionErrors(new FormCondition { Field = "stage", Op = "in", Value = new JsonArray("open", "lost") }));

        Assert.Equal("/actions/close/availableWhen/value/1", error.Pointer);
        Assert.StartsWith("stage has no option \"lost\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schema_refuses_a_script_condition_and_an_unknown_operator()
    {
        var errors = await SchemaValidator.ValidateAsync(CoreDocumentKinds.Entity, """
            { "name": "deal", "fields": [ { "name": "stage", "type": "text" } ],
              "actions": { "a": { "script": "scripts/a.js", "availableWhen": "stage !== 'won'" },
                           "b": { "script": "scripts/b.js", "availableWhen": { "field": "stage", "op": "like", "value": "w" } } } }
            """, "deal.json");

        Assert.Contains(errors, e => e.Pointer == "/actions/a/availableWhen");
        Assert.Contains(errors, e => e.Pointer.StartsWith("/actions/b/availableWhen", StringComparison.Ordinal));
    }
}
