using BenchmarkDotNet.Running;

// scripts/bench.sh runs every benchmark; pass --filter '*Impact*' to run one.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
