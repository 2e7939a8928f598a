using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using PolicySim.Evaluation;
using Xunit;

namespace PolicySim.Tests.Performance
{
    /// <summary>The reader / workers / ordered-consumer pipeline behaves like a sequential map.</summary>
    public class OrderedParallelTests
    {
        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(255)]
        [InlineData(256)]
        [InlineData(257)]
        [InlineData(10_000)]
        public void Keeps_input_order(int count)
        {
            var result = OrderedParallel.Map(Enumerable.Range(0, count), i => i * 2).ToList();
            Assert.Equal(Enumerable.Range(0, count).Select(i => i * 2), result);
        }

        [Fact]
        public void A_failing_item_surfaces_at_its_position()
        {
            var seen = new List<int>();
            var ex = Assert.Throws<InvalidOperationException>(() =>
            {
                foreach (int v in OrderedParallel.Map(Enumerable.Range(0, 3000), i => i == 1234 ? throw new InvalidOperationException("item") : i))
                {
                    seen.Add(v);
                }
            });
            Assert.Equal("item", ex.Message);
            Assert.Equal(Enumerable.Range(0, 1234), seen);
        }

        [Fact]
        public void A_reading_failure_comes_after_everything_read_before_it()
        {
            static IEnumerable<int> Source()
            {
                for (int i = 0; i < 1000; i++)
                {
                    yield return i;
                }

                throw new FormatException("read");
            }

            var seen = new List<int>();
            var ex = Assert.Throws<FormatException>(() =>
            {
                foreach (int v in OrderedParallel.Map(Source(), i => i + 1))
                {
                    seen.Add(v);
                }
            });
            Assert.Equal("read", ex.Message);
            Assert.Equal(Enumerable.Range(1, 1000), seen);
        }

        [Fact]
        public void Stopping_early_stops_reading_and_disposes_the_source()
        {
            var source = new CountingSource();
            foreach (int v in OrderedParallel.Map(source, i => i))
            {
                if (v == 10)
                {
                    break;
                }
            }

            Assert.True(source.Disposed);

            // Bounded: the reader never ran far ahead of the consumer.
            Assert.True(source.Produced <= (OrderedParallel.MaxQueuedBatches + 1) * OrderedParallel.BatchSize, source.Produced.ToString());
        }

        [Fact]
        public void Large_items_close_batches_early_so_little_input_is_in_flight()
        {
            // Each item "is" half a batch's byte budget: at most two per batch, so the reader can be at most
            // MaxQueuedBatches × 2 items (plus the batch it is filling) ahead of the consumer, not 8 × 256.
            var source = new CountingSource();
            int half = OrderedParallel.MaxBatchBytes / 2;
            int consumed = 0;
            int maxAhead = 0;
            foreach (int v in OrderedParallel.Map(source, i => i, _ => half))
            {
                Assert.Equal(consumed, v);
                consumed++;
                maxAhead = Math.Max(maxAhead, source.Produced - consumed);
                if (consumed == 5000)
                {
                    break;
                }
            }

            Assert.True(maxAhead <= (OrderedParallel.MaxQueuedBatches + 1) * 2, "ahead " + maxAhead);
        }

        [Fact]
        public void Sized_input_that_ends_inside_a_batch_is_complete()
        {
            var sizes = Enumerable.Range(0, 777).Select(i => i % 50 == 0 ? OrderedParallel.MaxBatchBytes : 10).ToArray();
            var result = OrderedParallel.Map(Enumerable.Range(0, sizes.Length), i => i * 3, i => sizes[i]).ToList();
            Assert.Equal(Enumerable.Range(0, sizes.Length).Select(i => i * 3), result);
        }

        private sealed class CountingSource : IEnumerable<int>
        {
            private int _produced;

            public int Produced => Volatile.Read(ref _produced);

            public bool Disposed { get; private set; }

            public IEnumerator<int> GetEnumerator()
            {
                try
                {
                    for (int i = 0; ; i++)
                    {
                        Interlocked.Increment(ref _produced);
                        yield return i;
                    }
                }
                finally
                {
                    Disposed = true;
                }
            }

            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }
    }
}
