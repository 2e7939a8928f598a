using PolicySim.Evaluation.Matching;

namespace PolicySim.Tests.Matching
{
    public class MatchingAllocationTests
    {
        [Fact]
        public void Matching_normalized_paths_and_hosts_does_not_allocate()
        {
            var paths = new PathGlobSet(PathGlobTests.BuiltInForbidden.Concat(new[] { "**/a?/**", "src/[ab]*.rs" }).Select(PathGlobTests.Compile));
            var hosts = new DomainGlobSet(new[] { "*.openai.com", "api.github.com", "{a,b}.example.com", "10.0.0.[0-9]", "api.*" }.Select(DomainGlobTests.Compile));
            string[] samplePaths = { "/home/u/.ssh/id_rsa", "/workspace/src/main.rs", "/etc/shadow", "/x/ab/c", "src/b\U0001F600.rs" };
            string[] sampleHosts = { "api.openai.com", "evil.com", "B.example.com", "10.0.0.7", "bücher.de" };

            int Run()
            {
                int sum = 0;
                foreach (string p in samplePaths)
                {
                    sum += paths.FirstMatchIndex(PathNormalizer.Normalize(p));
                }

                foreach (string h in sampleHosts)
                {
                    sum += hosts.FirstMatchIndex(h);
                }

                return sum;
            }

            Run();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                Run();
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }
}
