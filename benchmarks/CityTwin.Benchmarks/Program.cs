using BenchmarkDotNet.Running;

// Entry point: `dotnet run -c Release --project benchmarks/CityTwin.Benchmarks -- --filter '*'` (see benchmarks/README.md).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
