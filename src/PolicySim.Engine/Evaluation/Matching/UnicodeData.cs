using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace PolicySim.Evaluation.Matching
{
    /// <summary>
    /// Unicode property sets needed to reproduce Rust semantics: general categories (from the .NET
    /// runtime's tables), Alphabetic, White_Space, Rust's Unicode <c>\w</c>, and simple case folding.
    /// </summary>
    /// <remarks>
    /// The reference uses Unicode 16 tables; general categories and casing here come from the running
    /// .NET runtime (Unicode 15 on .NET 8, 16 on .NET 10), and Other_Alphabetic is a Unicode 14 snapshot.
    /// Differences only concern code points assigned in the newest Unicode versions.
    /// </remarks>
    internal static class UnicodeData
    {
        // Other_Alphabetic (PropList.txt) as inclusive pairs: Alphabetic minus L minus Nl. Needed because
        // Rust's Alphabetic (used by \w and by the jailbreak "alphanumeric" test) includes many combining
        // vowel signs (Mn/Mc) and the circled/squared Latin letters (So), which no .NET API exposes.
        private static readonly int[] OtherAlphabeticPairs =
        {
            0x0345, 0x0345, 0x05B0, 0x05BD, 0x05BF, 0x05BF, 0x05C1, 0x05C2, 0x05C4, 0x05C5, 0x05C7, 0x05C7, 0x0610, 0x061A, 0x064B, 0x0657,
            0x0659, 0x065F, 0x0670, 0x0670, 0x06D6, 0x06DC, 0x06E1, 0x06E4, 0x06E7, 0x06E8, 0x06ED, 0x06ED, 0x0711, 0x0711, 0x0730, 0x073F,
            0x07A6, 0x07B0, 0x0816, 0x0817, 0x081B, 0x0823, 0x0825, 0x0827, 0x0829, 0x082C, 0x08D4, 0x08DF, 0x08E3, 0x08E9, 0x08F0, 0x0903,
            0x093A, 0x093B, 0x093E, 0x094C, 0x094E, 0x094F, 0x0955, 0x0957, 0x0962, 0x0963, 0x0981, 0x0983, 0x09BE, 0x09C4, 0x09C7, 0x09C8,
            0x09CB, 0x09CC, 0x09D7, 0x09D7, 0x09E2, 0x09E3, 0x0A01, 0x0A03, 0x0A3E, 0x0A42, 0x0A47, 0x0A48, 0x0A4B, 0x0A4C, 0x0A51, 0x0A51,
            0x0A70, 0x0A71, 0x0A75, 0x0A75, 0x0A81, 0x0A83, 0x0ABE, 0x0AC5, 0x0AC7, 0x0AC9, 0x0ACB, 0x0ACC, 0x0AE2, 0x0AE3, 0x0AFA, 0x0AFC,
            0x0B01, 0x0B03, 0x0B3E, 0x0B44, 0x0B47, 0x0B48, 0x0B4B, 0x0B4C, 0x0B56, 0x0B57, 0x0B62, 0x0B63, 0x0B82, 0x0B82, 0x0BBE, 0x0BC2,
            0x0BC6, 0x0BC8, 0x0BCA, 0x0BCC, 0x0BD7, 0x0BD7, 0x0C00, 0x0C03, 0x0C3E, 0x0C44, 0x0C46, 0x0C48, 0x0C4A, 0x0C4C, 0x0C55, 0x0C56,
            0x0C62, 0x0C63, 0x0C81, 0x0C83, 0x0CBE, 0x0CC4, 0x0CC6, 0x0CC8, 0x0CCA, 0x0CCC, 0x0CD5, 0x0CD6, 0x0CE2, 0x0CE3, 0x0D00, 0x0D03,
            0x0D3E, 0x0D44, 0x0D46, 0x0D48, 0x0D4A, 0x0D4C, 0x0D57, 0x0D57, 0x0D62, 0x0D63, 0x0D81, 0x0D83, 0x0DCF, 0x0DD4, 0x0DD6, 0x0DD6,
            0x0DD8, 0x0DDF, 0x0DF2, 0x0DF3, 0x0E31, 0x0E31, 0x0E34, 0x0E3A, 0x0E4D, 0x0E4D, 0x0EB1, 0x0EB1, 0x0EB4, 0x0EB9, 0x0EBB, 0x0EBC,
            0x0ECD, 0x0ECD, 0x0F71, 0x0F81, 0x0F8D, 0x0F97, 0x0F99, 0x0FBC, 0x102B, 0x1036, 0x1038, 0x1038, 0x103B, 0x103E, 0x1056, 0x1059,
            0x105E, 0x1060, 0x1062, 0x1064, 0x1067, 0x106D, 0x1071, 0x1074, 0x1082, 0x108D, 0x108F, 0x108F, 0x109A, 0x109D, 0x1712, 0x1713,
            0x1732, 0x1733, 0x1752, 0x1753, 0x1772, 0x1773, 0x17B6, 0x17C8, 0x1885, 0x1886, 0x18A9, 0x18A9, 0x1920, 0x192B, 0x1930, 0x1938,
            0x1A17, 0x1A1B, 0x1A55, 0x1A5E, 0x1A61, 0x1A74, 0x1ABF, 0x1AC0, 0x1ACC, 0x1ACE, 0x1B00, 0x1B04, 0x1B35, 0x1B43, 0x1B80, 0x1B82,
            0x1BA1, 0x1BA9, 0x1BAC, 0x1BAD, 0x1BE7, 0x1BF1, 0x1C24, 0x1C36, 0x1DE7, 0x1DF4, 0x24B6, 0x24E9, 0x2DE0, 0x2DFF, 0xA674, 0xA67B,
            0xA69E, 0xA69F, 0xA802, 0xA802, 0xA80B, 0xA80B, 0xA823, 0xA827, 0xA880, 0xA881, 0xA8B4, 0xA8C3, 0xA8C5, 0xA8C5, 0xA8FF, 0xA8FF,
            0xA926, 0xA92A, 0xA947, 0xA952, 0xA980, 0xA983, 0xA9B4, 0xA9BF, 0xA9E5, 0xA9E5, 0xAA29, 0xAA36, 0xAA43, 0xAA43, 0xAA4C, 0xAA4D,
            0xAA7B, 0xAA7D, 0xAAB0, 0xAAB0, 0xAAB2, 0xAAB4, 0xAAB7, 0xAAB8, 0xAABE, 0xAABE, 0xAAEB, 0xAAEF, 0xAAF5, 0xAAF5, 0xABE3, 0xABEA,
            0xFB1E, 0xFB1E, 0x10376, 0x1037A, 0x10A01, 0x10A03, 0x10A05, 0x10A06, 0x10A0C, 0x10A0F, 0x10D24, 0x10D27, 0x10EAB, 0x10EAC, 0x11000, 0x11002,
            0x11038, 0x11045, 0x11073, 0x11074, 0x11082, 0x11082, 0x110B0, 0x110B8, 0x110C2, 0x110C2, 0x11100, 0x11102, 0x11127, 0x11132, 0x11145, 0x11146,
            0x11180, 0x11182, 0x111B3, 0x111BF, 0x111CE, 0x111CF, 0x1122C, 0x11234, 0x11237, 0x11237, 0x1123E, 0x1123E, 0x112DF, 0x112E8, 0x11300, 0x11303,
            0x1133E, 0x11344, 0x11347, 0x11348, 0x1134B, 0x1134C, 0x11357, 0x11357, 0x11362, 0x11363, 0x11435, 0x11441, 0x11443, 0x11445, 0x114B0, 0x114C1,
            0x115AF, 0x115B5, 0x115B8, 0x115BE, 0x115DC, 0x115DD, 0x11630, 0x1163E, 0x11640, 0x11640, 0x116AB, 0x116B5, 0x1171D, 0x1172A, 0x1182C, 0x11838,
            0x11930, 0x11935, 0x11937, 0x11938, 0x1193B, 0x1193C, 0x11940, 0x11940, 0x11942, 0x11942, 0x119D1, 0x119D7, 0x119DA, 0x119DF, 0x119E4, 0x119E4,
            0x11A01, 0x11A0A, 0x11A35, 0x11A39, 0x11A3B, 0x11A3E, 0x11A51, 0x11A5B, 0x11A8A, 0x11A97, 0x11C2F, 0x11C36, 0x11C38, 0x11C3E, 0x11C92, 0x11CA7,
            0x11CA9, 0x11CB6, 0x11D31, 0x11D36, 0x11D3A, 0x11D3A, 0x11D3C, 0x11D3D, 0x11D3F, 0x11D41, 0x11D43, 0x11D43, 0x11D47, 0x11D47, 0x11D8A, 0x11D8E,
            0x11D90, 0x11D91, 0x11D93, 0x11D96, 0x11EF3, 0x11EF6, 0x16F4F, 0x16F4F, 0x16F51, 0x16F87, 0x16F8F, 0x16F92, 0x16FF0, 0x16FF1, 0x1BC9E, 0x1BC9E,
            0x1E000, 0x1E006, 0x1E008, 0x1E018, 0x1E01B, 0x1E021, 0x1E023, 0x1E024, 0x1E026, 0x1E02A, 0x1E947, 0x1E947, 0x1F130, 0x1F149, 0x1F150, 0x1F169,
            0x1F170, 0x1F189,
        };

        private static readonly int[] WhiteSpacePairs =
        {
            0x0009, 0x000D, 0x0020, 0x0020, 0x0085, 0x0085, 0x00A0, 0x00A0, 0x1680, 0x1680, 0x2000, 0x200A,
            0x2028, 0x2029, 0x202F, 0x202F, 0x205F, 0x205F, 0x3000, 0x3000,
        };

        // Astral blocks that contain cased letters; only these need the (allocating) string-based casing.
        private static readonly int[] AstralCasedBlocks =
        {
            0x10400, 0x1044F, 0x104B0, 0x104FF, 0x10570, 0x105BF, 0x10C80, 0x10CFF, 0x10D50, 0x10D8F,
            0x118A0, 0x118FF, 0x16E40, 0x16E9F, 0x1E900, 0x1E95F,
        };

        private static CodePointSet[]? s_categories;
        private static CodePointSet? s_alphabetic;
        private static CodePointSet? s_word;
        private static CodePointSet? s_alphanumeric;
        private static bool[]? s_bmpAlphanumeric;
        private static Dictionary<int, int[]>? s_caseClasses;
        private static int[]? s_casedCodePoints;

        /// <summary>Gets the Unicode White_Space set (Rust <c>\s</c>).</summary>
        internal static CodePointSet WhiteSpace { get; } = CodePointSet.FromPairs(WhiteSpacePairs);

        /// <summary>Gets the Other_Alphabetic set.</summary>
        internal static CodePointSet OtherAlphabetic { get; } = CodePointSet.FromPairs(OtherAlphabeticPairs);

        /// <summary>Gets the Alphabetic set: L, Nl and Other_Alphabetic.</summary>
        internal static CodePointSet Alphabetic => LazyInitializer.EnsureInitialized(
            ref s_alphabetic,
            () => Categories(
                UnicodeCategory.UppercaseLetter,
                UnicodeCategory.LowercaseLetter,
                UnicodeCategory.TitlecaseLetter,
                UnicodeCategory.ModifierLetter,
                UnicodeCategory.OtherLetter,
                UnicodeCategory.LetterNumber).Union(OtherAlphabetic))!;

        /// <summary>Gets Rust's Unicode word set: Alphabetic, M, Nd, Pc and Join_Control.</summary>
        internal static CodePointSet Word => LazyInitializer.EnsureInitialized(
            ref s_word,
            () => Alphabetic
                .Union(Categories(
                    UnicodeCategory.NonSpacingMark,
                    UnicodeCategory.SpacingCombiningMark,
                    UnicodeCategory.EnclosingMark,
                    UnicodeCategory.DecimalDigitNumber,
                    UnicodeCategory.ConnectorPunctuation))
                .Union(CodePointSet.Range(0x200C, 0x200D)))!;

        /// <summary>Gets Rust's <c>char::is_alphanumeric</c> set: Alphabetic or Nd, Nl, No.</summary>
        internal static CodePointSet Alphanumeric => LazyInitializer.EnsureInitialized(
            ref s_alphanumeric,
            () => Alphabetic.Union(Categories(
                UnicodeCategory.DecimalDigitNumber,
                UnicodeCategory.LetterNumber,
                UnicodeCategory.OtherNumber)))!;

        /// <summary>Returns whether <paramref name="codePoint"/> is Unicode White_Space.</summary>
        internal static bool IsWhiteSpace(int codePoint)
        {
            if (codePoint <= 0x20)
            {
                return codePoint == 0x20 || (codePoint >= 0x09 && codePoint <= 0x0D);
            }

            if (codePoint < 0x85)
            {
                return false;
            }

            return codePoint == 0x85 || codePoint == 0xA0 || codePoint == 0x1680
                || (codePoint >= 0x2000 && codePoint <= 0x200A) || codePoint == 0x2028 || codePoint == 0x2029
                || codePoint == 0x202F || codePoint == 0x205F || codePoint == 0x3000;
        }

        /// <summary>Returns whether <paramref name="codePoint"/> is alphanumeric in Rust's sense.</summary>
        internal static bool IsAlphanumeric(int codePoint)
        {
            if (codePoint < 0x80)
            {
                return (uint)(codePoint - '0') <= 9 || (uint)((codePoint | 0x20) - 'a') <= 25;
            }

            if (codePoint <= 0xFFFF)
            {
                bool[] table = LazyInitializer.EnsureInitialized(ref s_bmpAlphanumeric, BuildBmpAlphanumeric)!;
                return table[codePoint];
            }

            return Alphanumeric.Contains(codePoint);
        }

        /// <summary>Returns the union of the given general categories (surrogates excluded).</summary>
        internal static CodePointSet Categories(params UnicodeCategory[] categories)
        {
            CodePointSet[] all = LazyInitializer.EnsureInitialized(ref s_categories, ScanCategories)!;
            var builder = new CodePointSet.Builder();
            foreach (UnicodeCategory category in categories)
            {
                builder.AddSet(all[(int)category]);
            }

            return builder.Build();
        }

        /// <summary>
        /// Closes <paramref name="set"/> under Unicode simple case folding, as Rust's <c>(?i)</c> does.
        /// </summary>
        internal static CodePointSet CaseFold(CodePointSet set)
        {
            if (set.IsEmpty)
            {
                return set;
            }

            EnsureCaseClasses();
            var builder = new CodePointSet.Builder();
            builder.AddSet(set);
            bool added = false;
            foreach (int cp in s_casedCodePoints!)
            {
                if (set.Contains(cp))
                {
                    foreach (int other in s_caseClasses![cp])
                    {
                        builder.Add(other);
                        added = true;
                    }
                }
            }

            return added ? builder.Build() : set;
        }

        /// <summary>Returns the other members of the simple case folding class of <paramref name="codePoint"/>, or null.</summary>
        internal static int[]? CaseVariants(int codePoint)
        {
            EnsureCaseClasses();
            return s_caseClasses!.TryGetValue(codePoint, out int[]? others) ? others : null;
        }

        private static bool[] BuildBmpAlphanumeric()
        {
            var table = new bool[0x10000];
            CodePointSet set = Alphanumeric;
            for (int i = 0; i < set.RangeCount && set.RangeStart(i) <= 0xFFFF; i++)
            {
                int end = Math.Min(set.RangeEnd(i), 0xFFFF);
                for (int cp = set.RangeStart(i); cp <= end; cp++)
                {
                    table[cp] = true;
                }
            }

            return table;
        }

        private static CodePointSet[] ScanCategories()
        {
            const int CategoryCount = 30;
            var builders = new CodePointSet.Builder[CategoryCount];
            for (int i = 0; i < CategoryCount; i++)
            {
                builders[i] = new CodePointSet.Builder();
            }

            int runStart = 0;
            UnicodeCategory runCategory = GetCategory(0);
            for (int cp = 1; cp <= CodePointSet.MaxCodePoint + 1; cp++)
            {
                if (cp >= 0xD800 && cp <= 0xDFFF)
                {
                    continue;
                }

                UnicodeCategory category = cp > CodePointSet.MaxCodePoint ? (UnicodeCategory)(-1) : GetCategory(cp);
                if (category != runCategory || cp == 0xE000)
                {
                    builders[(int)runCategory].Add(runStart, cp == 0xE000 ? 0xD7FF : cp - 1);
                    runStart = cp;
                    runCategory = category;
                }
            }

            var sets = new CodePointSet[CategoryCount];
            for (int i = 0; i < CategoryCount; i++)
            {
                sets[i] = builders[i].Build();
            }

            return sets;
        }

        private static UnicodeCategory GetCategory(int codePoint)
        {
            // Planes 4–13 are entirely unassigned and planes 15–16 are private use (minus the two
            // noncharacters per plane); skipping the lookups cuts the one-time scan by about 80 %.
            if (codePoint >= 0x40000 && codePoint <= 0xDFFFF)
            {
                return UnicodeCategory.OtherNotAssigned;
            }

            if (codePoint >= 0xF0000)
            {
                return (codePoint & 0xFFFE) == 0xFFFE ? UnicodeCategory.OtherNotAssigned : UnicodeCategory.PrivateUse;
            }

#if NET8_0_OR_GREATER
            return CharUnicodeInfo.GetUnicodeCategory(codePoint);
#else
            return codePoint <= 0xFFFF
                ? CharUnicodeInfo.GetUnicodeCategory((char)codePoint)
                : CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(codePoint), 0);
#endif
        }

        private static void EnsureCaseClasses()
        {
            if (Volatile.Read(ref s_casedCodePoints) != null)
            {
                return;
            }

            // Union-find over the simple lower/upper mappings gives the simple case folding classes, with
            // one exception: U+0130 and U+0131 have no simple folding (CaseFolding.txt lists only F/T
            // mappings for them), so Rust's (?i) never relates them to i/I.
            var parent = new Dictionary<int, int>();
            int Find(int x)
            {
                while (parent.TryGetValue(x, out int p) && p != x)
                {
                    x = p;
                }

                return x;
            }

            void Unite(int a, int b)
            {
                if (a == b || a == 0x130 || a == 0x131 || b == 0x130 || b == 0x131)
                {
                    return;
                }

                if (!parent.ContainsKey(a))
                {
                    parent[a] = a;
                }

                if (!parent.ContainsKey(b))
                {
                    parent[b] = b;
                }

                int ra = Find(a);
                int rb = Find(b);
                if (ra != rb)
                {
                    parent[ra] = rb;
                }
            }

            for (int cp = 0; cp <= 0xFFFF; cp++)
            {
                if (cp >= 0xD800 && cp <= 0xDFFF)
                {
                    continue;
                }

                char c = (char)cp;
                Unite(cp, char.ToLowerInvariant(c));
                Unite(cp, char.ToUpperInvariant(c));
            }

            for (int i = 0; i < AstralCasedBlocks.Length; i += 2)
            {
                for (int cp = AstralCasedBlocks[i]; cp <= AstralCasedBlocks[i + 1]; cp++)
                {
                    string s = char.ConvertFromUtf32(cp);
                    Unite(cp, SingleCodePoint(s.ToLowerInvariant(), cp));
                    Unite(cp, SingleCodePoint(s.ToUpperInvariant(), cp));
                }
            }

            var groups = new Dictionary<int, List<int>>();
            foreach (int cp in parent.Keys)
            {
                int root = Find(cp);
                if (!groups.TryGetValue(root, out List<int>? members))
                {
                    members = new List<int>();
                    groups[root] = members;
                }

                members.Add(cp);
            }

            var classes = new Dictionary<int, int[]>();
            foreach (List<int> members in groups.Values)
            {
                foreach (int cp in members)
                {
                    classes[cp] = members.FindAll(m => m != cp).ToArray();
                }
            }

            var keys = new int[classes.Count];
            classes.Keys.CopyTo(keys, 0);
            Array.Sort(keys);
            s_caseClasses = classes;
            Volatile.Write(ref s_casedCodePoints, keys);
        }

        private static int SingleCodePoint(string s, int fallback)
        {
            if (s.Length == 1)
            {
                return s[0];
            }

            return s.Length == 2 && char.IsSurrogatePair(s[0], s[1]) ? char.ConvertToUtf32(s[0], s[1]) : fallback;
        }
    }
}
