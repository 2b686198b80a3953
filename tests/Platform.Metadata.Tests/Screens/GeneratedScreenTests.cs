using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Screens;
using Platform.Metadata.Kinds;
using Platform.Metadata.Validation;
using static Platform.Metadata.Tests.Build;
using static Platform.Metadata.Tests.Screens.ScreenBuild;

namespace Platform.Metadata.Tests.Screens;

/// <summary>Entities without a form or default view get generated ones; a module's own win; navigation follows modules.</summary>
public class GeneratedScreenTests
{
    [Fact]
    public void A_generated_form_heads_with_the_primary_and_required_fields_places_every_field_and_lists_related_records()
    {
        var set = new DefinitionSet([Crm()]);

        var (form, generated) = AppScreens.FormFor(set, set.Find("account")!);

        Assert.True(generated);
        Assert.Equal(["name", "owner"], form.Header);
        Assert.Equal(["name", "tier"], Assert.Single(Assert.Single(form.Tabs).Sections).Rows.SelectMany(r => r));
        var related = Assert.Single(form.RelatedLists);
        Assert.Equal(("deal", "account"), (related.Entity, related.Lookup));
        Assert.Equal(["name", "stage", "amount"], related.Columns);
        Assert.Empty(DefinitionValidator.Validate([StandardDocumentKinds.Form.WithDocuments(Crm(), [form])]));
    }

    [Fact]
    public void A_generated_form_lists_many_to_many_relations_and_pairs_fields_in_rows()
    {
        var set = new DefinitionSet([Crm()]);

        var form = GeneratedForm.For(set.Find("deal")!, set);

        Assert.Equal(["name", "owner"], form.Header);
        Assert.Equal([["name", "account"], ["stage", "amount"], ["close_date", "notes"]], form.Tabs[0].Sections[0].Rows);
        Assert.Equal("partners", Assert.Single(form.RelatedLists).Relation);
        Assert.Empty(DefinitionValidator.Validate([StandardDocumentKinds.Form.WithDocuments(Crm(), [form])]));
    }

    [Fact]
    public void A_generated_view_is_the_default_with_the_primary_and_required_fields_first_and_no_long_texts()
    {
        var view = GeneratedView.For(Deal);

        Assert.True(view.Default);
        Assert.Equal(["name", "account", "stage", "amount", "close_date"], view.Columns.Select(c => c.Field));
        Assert.Empty(DefinitionValidator.Validate([Crm(views: [view])]));
    }

    [Fact]
    public void A_module_form_replaces_the_generated_one_and_a_dependent_module_replaces_it_again()
    {
        var core = Crm([Form("account", ["name"])]);
        var sales = StandardDocumentKinds.Form.WithDocuments(Module("sales", "1.0.0", DependsOn("crm", "^1.0.0")), [Form("account", ["tier"]) with { Id = "sales-account" }]);

        Assert.Equal(("account-form", false), Describe(AppScreens.FormFor(new DefinitionSet([core]), Account)));
        Assert.Equal(("sales-account", false), Describe(AppScreens.FormFor(new DefinitionSet([sales, core]), Account)));
    }

    [Fact]
    public void Views_come_default_first_with_a_generated_default_only_when_no_view_is_the_default()
    {
        var plain = new DefinitionSet([Crm(views: [View("open")])]);
        var withDefault = new DefinitionSet([Crm(views: [View("open"), View("pipeline") with { Default = true }])]);

        Assert.Equal([("deal-all", true), ("open", false)], AppScreens.ViewsFor(plain, Deal).Select(v => (v.View.Id, v.Generated)));
        Assert.Equal([("pipeline", false), ("open", false)], AppScreens.ViewsFor(withDefault, Deal).Select(v => (v.View.Id, v.Generated)));
    }

    [Fact]
    public void Navigation_lists_modules_by_order_and_every_entity_of_a_module_without_an_app_section()
    {
        var core = Crm();
        var sales = Module("sales", Entity("lead", Field("name"))) with
        {
            Manifest = new ModuleManifest { Id = "sales", Version = "1.0.0", App = new AppDefinition { Order = 1, Navigation = [new() { Dashboard = "overview" }, new() { Entity = "lead" }] } },
        };

        var navigation = AppScreens.Navigation(new DefinitionSet([core, sales]));

        Assert.Equal([("sales", null, "overview"), ("sales", "lead", null), ("crm", "account", null), ("crm", "deal", null)],
            navigation.Select(n => (n.Module.Id, n.Item.Entity, n.Item.Dashboard)));
    }

    private static (string, bool) Describe((FormDefinition Form, bool Generated) form) => (form.Form.Id, form.Generated);
}
