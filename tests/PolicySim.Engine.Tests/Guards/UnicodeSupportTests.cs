using System;
using System.Text;
using PolicySim.Evaluation.Text;

namespace PolicySim.Tests.Guards
{
    public class UnicodeSupportTests
    {
        [Fact]
        public void The_probe_tells_a_working_normalizer_from_the_invariant_modes_identity_and_from_one_that_throws()
        {
            Assert.True(UnicodeSupport.Normalizes(s => s.Normalize(NormalizationForm.FormKC)));
            Assert.False(UnicodeSupport.Normalizes(s => s)); // what globalization-invariant .NET does
            Assert.False(UnicodeSupport.Normalizes(s => throw new PlatformNotSupportedException()));
        }

        [Fact]
        public void This_process_normalizes_so_it_has_no_warning()
        {
            // The test machines have ICU; the warning names the cause and the fix for machines that do not.
            Assert.True(UnicodeSupport.NormalizationAvailable);
            Assert.Null(UnicodeSupport.Warning);
            Assert.Contains("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", UnicodeSupport.WarningText, StringComparison.Ordinal);
            Assert.Contains("ICU", UnicodeSupport.WarningText, StringComparison.Ordinal);
        }
    }
}
