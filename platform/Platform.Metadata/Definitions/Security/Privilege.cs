namespace Platform.Metadata.Definitions.Security;

/// <summary>What a role can grant on an entity's records.</summary>
public enum Privilege { Create, Read, Update, Delete, Assign, Share }
