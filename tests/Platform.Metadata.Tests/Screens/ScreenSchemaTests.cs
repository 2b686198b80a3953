using Platform.Metadata.Kinds;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Tests.Screens;

/// <summary>What the form and view schemas refuse, with the pointer of the mistake.</summary>
public class ScreenSchemaTests
{
    [Fact]
    public async Task A_condition_is_json_with_known_operators_not_script()
    {
        var errors = await SchemaValidator.ValidateAsync(StandardDocumentKinds.Form, """
            { "id": "deal", "entity": "deal", "tabs": [ { "id": "t", "label": "T", "sections": [] } ],
              "rules": [ { "when": "stage === 'won'", "visible": ["amount"] }, { "when": { "field": "stage", "op": "like", "value": "w" }, "visible": ["amount"] } ] }
            """, "deal.json");

        Assert.Contains(errors, e => e.Pointer == "/rules/0/when");
        Assert.Contains(errors, e => e.Pointer.StartsWith("/rules/1/when", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_related_list_names_a_relation_or_an_entity_and_lookup_not_both()
    {
        var errors = await SchemaValidator.ValidateAsync(StandardDocumentKinds.Form, """
            { "id": "deal", "entity": "deal", "tabs": [ { "id": "t", "label": "T", "sections": [] } ],
              "relatedLists": [ { "relation": "contacts", "entity": "contact", "lookup": "deal", "columns": ["name"] } ] }
            """, "deal.json");

        Assert.Contains(errors, e => e.Pointer == "/relatedLists/0");
    }

    [Fact]
    public async Task A_view_refuses_unknown_aggregate_functions_and_buckets()
    {
        var errors = await SchemaValidator.ValidateAsync(StandardDocumentKinds.View, """
            { "id": "deals", "entity": "deal", "label": "Deals", "columns": [ { "field": "name" } ],
              "aggregates": [ { "id": "a", "groupBy": ["close_date:fortnight"], "measures": [ { "field": "amount", "fn": "median" } ] } ] }
            """, "deals.json");

        Assert.Equal(["/aggregates/0/groupBy/0", "/aggregates/0/measures/0/fn"], errors.Select(e => e.Pointer).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Navigation_entries_are_an_entity_or_a_dashboard()
    {
        var errors = await SchemaValidator.ValidateAsync(CoreDocumentKinds.Module, """
            { "id": "sales", "version": "1.0.0", "app": { "navigation": [ { "entity": "deal", "dashboard": "x" }, { "view": "deals" } ] } }
            """, "module.json");

        Assert.Equal(["/app/navigation/0", "/app/navigation/1"], errors.Select(e => e.Pointer).Distinct());
    }
}
