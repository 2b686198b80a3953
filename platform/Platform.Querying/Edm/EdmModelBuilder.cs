using System.Collections.Concurrent;
using Microsoft.OData.Edm;
using Platform.Metadata.Definitions;
using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;

namespace Platform.Querying.Edm;

/// <summary>
/// Builds the run-time EDM model the OData parser validates query options against: one entity type and entity set
/// per entity, a structural property per column (system columns included) and a navigation per lookup.
/// </summary>
/// <remarks>
/// $expand naming: a lookup stays a structural Guid property named like the field, so <c>$filter=account eq &lt;id&gt;</c>,
/// <c>$orderby=account</c> and <c>$select=account</c> work. EDM cannot hold a navigation of the same name, so the
/// navigation is named <c>&lt;field&gt;__ref</c> (<see cref="NavigationSuffix"/>): field names may not contain "__",
/// so it never clashes with a field. Clients still write <c>$expand=account</c>: <see cref="ExpandRewriter"/> renames
/// the top-level items of $expand before the parser sees them, and the translator maps the navigation back to its field.
/// </remarks>
public static class EdmModelBuilder
{
    public const string Namespace = "crm";
    public const string ContainerName = "default";
    public const string NavigationSuffix = "__ref";

    private static readonly ConcurrentDictionary<string, EdmQueryModel> Cache = new();

    /// <summary>The model for these definitions on this provider, built once and shared by every tenant that has them.</summary>
    public static EdmQueryModel GetOrBuild(PhysicalModel model) => Cache.GetOrAdd(model.CacheKey, _ => Build(model));

    public static string NavigationName(string lookupField) => lookupField + NavigationSuffix;

    /// <summary>Builds a new model (uncached).</summary>
    public static EdmQueryModel Build(PhysicalModel model)
    {
        var edm = new EdmModel();
        var container = new EdmEntityContainer(Namespace, ContainerName);
        edm.AddElement(container);

        var tables = model.Tables.Where(t => t.Entity is not null).ToList();
        var types = new Dictionary<string, (EdmEntityType Type, EdmEntitySet Set, TableModel Table)>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var type = new EdmEntityType(Namespace, table.Name);
            foreach (var column in table.Columns)
            {
                var property = type.AddStructuralProperty(column.Name, TypeOf(column));
                if (column.Name == SystemFields.Id) type.AddKeys(property);
            }
            edm.AddElement(type);
            types[table.Name] = (type, container.AddEntitySet(table.Name, type), table);
        }

        var entities = new Dictionary<string, EdmEntityBinding>(StringComparer.Ordinal);
        foreach (var (name, (type, set, table)) in types)
        {
            var navigations = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var column in table.Columns.Where(c => c.Field?.Type.Descriptor.IsReference == true))
            {
                if (column.Field!.Target is not { } targetName || !types.TryGetValue(targetName, out var target)) continue;
                var navigation = type.AddUnidirectionalNavigation(new EdmNavigationPropertyInfo
                {
                    Name = NavigationName(column.Name),
                    Target = target.Type,
                    TargetMultiplicity = column.IsNullable ? EdmMultiplicity.ZeroOrOne : EdmMultiplicity.One,
                    DependentProperties = [(IEdmStructuralProperty)type.FindProperty(column.Name)],
                    PrincipalProperties = target.Type.Key(),
                });
                set.AddNavigationTarget(navigation, target.Set);
                navigations[navigation.Name] = column.Name;
            }
            entities[name] = new EdmEntityBinding(type, set, table, navigations);
        }
        return new EdmQueryModel(model.CacheKey, edm, entities);
    }

    // The EDM primitive type of each storage kind.
    private static readonly ValueKindTable<Func<ColumnModel, IEdmTypeReference>> EdmTypes = new(
        String: column => EdmCoreModel.Instance.GetString(isUnbounded: column.MaxLength is null, column.MaxLength, isUnicode: true, column.IsNullable),
        Integer: column => EdmCoreModel.Instance.GetInt64(column.IsNullable),
        Decimal: DecimalOf,
        Boolean: column => EdmCoreModel.Instance.GetBoolean(column.IsNullable),
        Date: column => EdmCoreModel.Instance.GetDate(column.IsNullable),
        DateTime: column => EdmCoreModel.Instance.GetDateTimeOffset(column.IsNullable),
        Guid: column => EdmCoreModel.Instance.GetGuid(column.IsNullable),
        StringList: _ => new EdmCollectionTypeReference(new EdmCollectionType(EdmCoreModel.Instance.GetString(false))));

    private static IEdmTypeReference TypeOf(ColumnModel column) => EdmTypes[column.Kind](column);

    // SQLite stores decimals as scaled integers and leaves the column's facets empty; the field still has them.
    private static IEdmTypeReference DecimalOf(ColumnModel column)
    {
        var (precision, scale) = column.Field is { } field ? FieldColumnMapper.DecimalFacets(field) : (18, 4);
        return EdmCoreModel.Instance.GetDecimal(column.Precision ?? precision, column.Scale ?? scale, column.IsNullable);
    }
}
