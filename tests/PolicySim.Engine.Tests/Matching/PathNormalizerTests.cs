using PolicySim.Evaluation.Matching;

namespace PolicySim.Tests.Matching
{
    public class PathNormalizerTests
    {
        [Theory]
        [InlineData("/tmp///foo//bar", "/tmp/foo/bar")]
        [InlineData("/workspace/a/b/../c/./f.txt", "/workspace/a/c/f.txt")]
        [InlineData("a/b/../../c", "c")]
        [InlineData("../a/../b", "../b")]
        [InlineData("/../etc/passwd", "/etc/passwd")]
        [InlineData("./output/report.txt", "output/report.txt")]
        [InlineData("C:\\repo\\src\\.\\main.rs", "C:/repo/src/main.rs")]
        [InlineData("", ".")]
        public void Normalize_matches_spec_examples(string input, string expected)
            => Assert.Equal(expected, PathNormalizer.Normalize(input));

        [Theory]
        [InlineData("/", "/")]
        [InlineData(".", ".")]
        [InlineData("..", "..")]
        [InlineData("../..", "../..")]
        [InlineData("a/..", ".")]
        [InlineData("/..", "/")]
        [InlineData("/a/", "/a")]
        [InlineData("a/", "a")]
        [InlineData("\\", "/")]
        [InlineData("\\\\server\\share", "/server/share")]
        [InlineData("a/../../b", "../b")]
        [InlineData("/etc/../etc/shadow", "/etc/shadow")]
        [InlineData("~/.ssh/id_rsa", "~/.ssh/id_rsa")]
        [InlineData("a/./b", "a/b")]
        [InlineData("/a/b/..", "/a")]
        [InlineData("...", "...")]
        [InlineData("a/.../b", "a/.../b")]
        [InlineData("/home/U/.SSH", "/home/U/.SSH")]
        public void Normalize_is_purely_lexical(string input, string expected)
            => Assert.Equal(expected, PathNormalizer.Normalize(input));

        [Theory]
        [InlineData("/home/u/.ssh/id_rsa")]
        [InlineData("src/main.rs")]
        [InlineData("../x")]
        public void Normalize_returns_same_instance_for_normal_paths(string input)
            => Assert.Same(input, PathNormalizer.Normalize(input));
    }
}
