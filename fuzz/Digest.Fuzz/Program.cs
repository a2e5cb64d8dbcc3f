using Digest.Fuzz;
using SharpFuzz;

// Usage: Digest.Fuzz <front-matter|markdown|settings>
// Under afl-fuzz (fuzz/run.sh) it serves afl's fork server; run by hand it reads one input from standard input and runs
// it once, which is how a crash file is replayed: dotnet fuzz/out/Digest.Fuzz.dll markdown < crash-file
if (args.Length != 1 || FuzzTargets.Find(args[0]) is not { } target)
{
    await Console.Error.WriteLineAsync("Usage: Digest.Fuzz <" + string.Join("|", FuzzTargets.Names) + ">");
    return 2;
}

Fuzzer.OutOfProcess.Run(target);
return 0;
