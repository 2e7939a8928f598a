namespace PolicySim.Events
{
    /// <summary>
    /// Decodes base64 like Rust's <c>base64::engine::general_purpose::STANDARD</c>: standard alphabet, canonical
    /// padding required (length a multiple of 4, <c>=</c> only as the last one or two characters), no whitespace,
    /// and the unused bits of the last symbol must be zero. <see cref="System.Convert.FromBase64String"/> is more
    /// lenient (whitespace, non-zero trailing bits), so it is not used.
    /// </summary>
    internal static class StrictBase64
    {
        /// <summary>Decodes <paramref name="text"/>; returns false when it is not canonical padded base64.</summary>
        public static bool TryDecode(string text, out byte[] bytes)
        {
            bytes = System.Array.Empty<byte>();
            if (text.Length % 4 != 0)
            {
                return false;
            }

            if (text.Length == 0)
            {
                return true;
            }

            int padding = text[text.Length - 1] == '=' ? (text[text.Length - 2] == '=' ? 2 : 1) : 0;
            var output = new byte[(text.Length / 4 * 3) - padding];
            int o = 0;
            for (int i = 0; i < text.Length; i += 4)
            {
                bool last = i + 4 == text.Length;
                int symbols = last ? 4 - padding : 4;
                int acc = 0;
                for (int j = 0; j < 4; j++)
                {
                    int v;
                    if (j < symbols)
                    {
                        v = Value(text[i + j]);
                        if (v < 0)
                        {
                            return false;
                        }
                    }
                    else
                    {
                        v = 0;
                    }

                    acc = (acc << 6) | v;
                }

                output[o++] = (byte)(acc >> 16);
                if (symbols == 2)
                {
                    if ((acc & 0xFFFF) != 0)
                    {
                        return false;
                    }

                    continue;
                }

                output[o++] = (byte)(acc >> 8);
                if (symbols == 3)
                {
                    if ((acc & 0xFF) != 0)
                    {
                        return false;
                    }

                    continue;
                }

                output[o++] = (byte)acc;
            }

            bytes = output;
            return true;
        }

        private static int Value(char c)
        {
            if (c >= 'A' && c <= 'Z')
            {
                return c - 'A';
            }

            if (c >= 'a' && c <= 'z')
            {
                return c - 'a' + 26;
            }

            if (c >= '0' && c <= '9')
            {
                return c - '0' + 52;
            }

            return c == '+' ? 62 : c == '/' ? 63 : -1;
        }
    }
}
