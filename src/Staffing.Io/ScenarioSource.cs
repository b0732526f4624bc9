namespace Staffing.Io;

/// <summary>
/// Where a scenario's files are read from: a folder, or the files a workspace stored (read from memory, never
/// written out to be read again). The reader sees names only, so both are read the same way.
/// </summary>
internal abstract class ScenarioSource
{
    /// <summary>How the source is named in a message about it as a whole (the folder's path).</summary>
    public abstract string Name { get; }

    /// <summary>Whether the source is there at all.</summary>
    public abstract bool Found { get; }

    /// <summary>Whether a file of that name is there.</summary>
    public abstract bool Has(string file);

    /// <summary>Whether that name is taken by a folder, not a file.</summary>
    public abstract bool IsFolder(string file);

    public abstract Stream Open(string file);

    public static ScenarioSource Folder(string folder) => new OnDisk(folder);

    /// <summary>Files by name (a workspace's stored scenario).</summary>
    public static ScenarioSource Stored(string name, IReadOnlyDictionary<string, byte[]> files) => new InMemory(name, files);

    private sealed class OnDisk(string folder) : ScenarioSource
    {
        public override string Name => folder;

        public override bool Found => Directory.Exists(folder);

        public override bool Has(string file) => File.Exists(Path.Combine(folder, file));

        public override bool IsFolder(string file) => Directory.Exists(Path.Combine(folder, file));

        public override Stream Open(string file) => File.OpenRead(Path.Combine(folder, file));
    }

    private sealed class InMemory(string name, IReadOnlyDictionary<string, byte[]> files) : ScenarioSource
    {
        public override string Name => name;

        public override bool Found => true;

        public override bool Has(string file) => files.ContainsKey(file);

        public override bool IsFolder(string file) => false;

        public override Stream Open(string file) => new MemoryStream(files[file], writable: false);
    }
}
