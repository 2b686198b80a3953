using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Screens;
using Platform.Metadata.Kinds;
using Platform.Metadata.Validation;
using static Platform.Metadata.Tests.Build;
using static Platform.Metadata.Tests.Screens.ScreenBuild;

namespace Platform.Metadata.Tests.Screens;

/// <summary>Forms, views and navigation name real entities, fields, relations and options, each error at its file and pointer.</summary>
public class ScreenRuleTests
{
    private const string FormFile = "crm/forms/deal-form.json";
    private const string ViewFile = "crm/views/deals.json";

    [Fact]
    public void Valid_forms_and_views_including_system_fields_pass()
    {
        var form = Form("deal", ["name", "account"], ["stage", "owner"]) with
        {
            Header = ["stage", "created_at"],
            RelatedLists = [new RelatedList { Relation = "partners", Columns = ["name", "tier"] }],
            Rules = [new FormRule { When = new FormCondition { Field = "stage", Op = "in", Value = new JsonArray("won") }, Required = ["amount"] }],
        };
        var view = View() with
        {
            Kanban = new ViewKanban { GroupBy = "stage" },
            Sort = [new ViewSort { Field = "modified_at", Direction = "desc" }],
            Aggregates = [new ViewAggregate { Id = "won", GroupBy = ["close_date:month", "stage"], Measures = [new ViewMeasure { Field = "amount", Fn = "sum" }, new ViewMeasure { Fn = "count" }] }],
        };

        Assert.Empty(DefinitionValidator.Validate([Crm([form], [view])]));
    }

    [Fact]
    public void A_form_of_an_unknown_entity_is_reported_at_entity()
    {
        var errors = DefinitionValidator.Validate([Crm([Form("invoice", ["name"])])]);

        ErrorAssert.Single(errors, "crm/forms/invoice-form.json", "/entity", "'invoice' is not an entity of the loaded modules");
    }

    [Fact]
    public void Unknown_fields_in_header_rows_and_rules_are_reported_each_with_its_pointer()
    {
        var form = Form("deal", ["name", "stag"]) with
        {
            Header = ["amout"],
            Rules = [new FormRule { When = new FormCondition { Field = "stge", Op = "eq", Value = "won" }, Visible = ["name", "nots"] }],
        };

        var errors = DefinitionValidator.Validate([Crm([form])]);

        Assert.Equal([("/header/0", "deal has no field 'amout'"), ("/tabs/0/sections/0/rows/0/1", "deal has no field 'stag'"),
            ("/rules/0/when/field", "deal has no field 'stge'"), ("/rules/0/visible/1", "deal has no field 'nots'")],
            errors.Select(e => (e.Pointer, e.Message)));
        Assert.All(errors, e => Assert.Equal(FormFile, e.File));
    }

    [Fact]
    public void Related_lists_name_a_relation_or_a_lookup_to_the_entity_and_columns_of_the_related_entity()
    {
        var form = Form("account", ["name"]) with
        {
            RelatedLists =
            [
                new RelatedList { Relation = "deals", Columns = ["name"] },
                new RelatedList { Entity = "deal", Lookup = "stage", Columns = ["name"] },
                new RelatedList { Entity = "deal", Lookup = "account", Columns = ["name", "size"] },
            ],
        };

        var errors = DefinitionValidator.Validate([Crm([form])]);

        Assert.Equal([("/relatedLists/0/relation", "account has no relation 'deals'"), ("/relatedLists/1/lookup", "deal.stage is not a lookup to account"),
            ("/relatedLists/2/columns/1", "deal has no field 'size'")], errors.Select(e => (e.Pointer, e.Message)));
    }

    [Fact]
    public void Conditions_compare_options_of_choice_fields_and_take_the_values_their_operator_needs()
    {
        var form = Form("deal", ["name"]) with
        {
            Rules =
            [
                new FormRule { When = new FormCondition { And = [new() { Field = "stage", Op = "eq", Value = "wonn" }, new() { Not = new() { Field = "name", Op = "in", Value = "x" } }] }, Required = ["amount"] },
                new FormRule { When = new FormCondition { Field = "name", Op = "gt", Value = "a" }, ReadOnly = ["amount"] },
                new FormRule { When = new FormCondition { Field = "amount", Op = "empty", Value = 1 }, ReadOnly = ["amount"] },
            ],
        };

        var errors = DefinitionValidator.Validate([Crm([form])]);

        Assert.Equal(["/rules/0/when/and/0/value", "/rules/0/when/and/1/not/value", "/rules/1/when/op", "/rules/2/when/value"], errors.Select(e => e.Pointer));
        Assert.Contains("options: open, won", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entity_has_one_form_unless_a_module_replaces_the_form_of_a_module_it_depends_on()
    {
        var core = Crm([Form("account", ["name"])]);
        var rival = StandardDocumentKinds.Form.WithDocuments(Module("rival", "1.0.0", DependsOn("crm", "^1.0.0")), [Form("account", ["tier"]) with { Id = "rival-account" }]);
        var unrelated = StandardDocumentKinds.Form.WithDocuments(Module("other"), [Form("account", ["tier"]) with { Id = "other-account" }]);

        Assert.Empty(DefinitionValidator.Validate([core, rival]));
        var error = Assert.Single(DefinitionValidator.Validate([core, rival with { Manifest = rival.Manifest with { DependsOn = DependsOn("crm", "^1.0.0") } }, unrelated]));
        Assert.Equal(("other/forms/other-account.json", "/entity"), (error.File, error.Pointer));
    }

    [Fact]
    public void Views_check_columns_sort_kanban_and_aggregates_against_the_entity()
    {
        var view = View() with
        {
            Columns = [new ViewColumn { Field = "name" }, new ViewColumn { Field = "nme" }],
            Sort = [new ViewSort { Field = "closed" }],
            Kanban = new ViewKanban { GroupBy = "amount" },
            Aggregates =
            [
                new ViewAggregate { Id = "a", GroupBy = ["name:month"], Measures = [new ViewMeasure { Field = "name", Fn = "sum" }, new ViewMeasure { Fn = "avg" }] },
                new ViewAggregate { Id = "a", Measures = [new ViewMeasure { Field = "notes", Fn = "max" }] },
            ],
        };

        var errors = DefinitionValidator.Validate([Crm(views: [view])]);

        Assert.Equal(["/columns/1/field", "/sort/0/field", "/kanban/groupBy", "/aggregates/0/groupBy/0", "/aggregates/0/measures/0/fn",
            "/aggregates/0/measures/1", "/aggregates/1/id", "/aggregates/1/measures/0/fn"], errors.Select(e => e.Pointer));
        Assert.All(errors, e => Assert.Equal(ViewFile, e.File));
    }

    [Fact]
    public void An_entity_has_at_most_one_default_view()
    {
        var errors = DefinitionValidator.Validate([Crm(views: [View("first") with { Default = true }, View("second") with { Default = true }])]);

        ErrorAssert.Single(errors, "crm/views/second.json", "/default", "already has the default view 'first'");
    }

    [Fact]
    public void Navigation_names_entities_the_module_reaches_and_views_of_those_entities()
    {
        var module = Crm(views: [View()]);
        module = module with
        {
            Manifest = module.Manifest with
            {
                App = new AppDefinition
                {
                    Navigation = [new() { Entity = "deal", View = "deals" }, new() { Entity = "invoice" }, new() { Entity = "account", View = "deals" }, new() { Dashboard = "overview" }],
                },
            },
        };

        var errors = DefinitionValidator.Validate([module]);

        Assert.Equal([("/app/navigation/1/entity", "'invoice' is not an entity of the loaded modules"), ("/app/navigation/2/view", "the view 'deals' lists deal, not account"),
            ("/app/navigation/3/dashboard", "there is no dashboard 'overview'")],
            errors.Select(e => (e.Pointer, e.Message)));
        Assert.All(errors, e => Assert.Equal("crm/module.json", e.File));
    }
}
