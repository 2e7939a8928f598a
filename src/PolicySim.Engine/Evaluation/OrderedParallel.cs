using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PolicySim.Evaluation
{
    /// <summary>
    /// An ordered, bounded parallel map over a stream: a producer thread cuts the input into batches and decides
    /// each batch on all cores; the consumer gets the results in input order. At most <see cref="MaxQueuedBatches"/>
    /// decided batches wait, so memory does not grow with the input. The work must be pure (no shared state).
    /// </summary>
    internal static class OrderedParallel
    {
        /// <summary>Records per batch.</summary>
        public const int BatchSize = 256;

        /// <summary>Decided batches that may wait for the consumer.</summary>
        public const int MaxQueuedBatches = 4;

        /// <summary>Gets whether more than one core is available (otherwise callers run sequentially).</summary>
        public static bool Enabled => Environment.ProcessorCount > 1 && !string.Equals(Environment.GetEnvironmentVariable("POLICYSIM_THREADS"), "1", StringComparison.Ordinal);

        /// <summary>Maps <paramref name="source"/> through <paramref name="work"/>, yielding results in input order.</summary>
        public static IEnumerable<TOut> Map<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> work)
        {
            using var queue = new BlockingCollection<Slot<TOut>[]>(MaxQueuedBatches);
            using var cancel = new CancellationTokenSource();
            Exception? failure = null;
            var producer = Task.Factory.StartNew(
                () =>
                {
                    try
                    {
                        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
                        var batch = new TIn[BatchSize];
                        int count = 0;
                        try
                        {
                            foreach (TIn item in source)
                            {
                                batch[count++] = item;
                                if (count == BatchSize)
                                {
                                    queue.Add(Decide(batch, count, work, options), cancel.Token);
                                    batch = new TIn[BatchSize];
                                    count = 0;
                                }
                            }
                        }
                        catch (Exception ex) when (!(ex is OperationCanceledException && cancel.IsCancellationRequested))
                        {
                            // Reading failed: what was read before still comes out first, as it would sequentially.
                            failure = ex;
                        }

                        if (count > 0)
                        {
                            queue.Add(Decide(batch, count, work, options), cancel.Token);
                        }
                    }
                    catch (OperationCanceledException) when (cancel.IsCancellationRequested)
                    {
                        // The consumer stopped early.
                    }
                    catch (Exception ex)
                    {
                        failure ??= ex;
                    }
                    finally
                    {
                        queue.CompleteAdding();
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);

            try
            {
                foreach (Slot<TOut>[] decided in queue.GetConsumingEnumerable())
                {
                    foreach (Slot<TOut> item in decided)
                    {
                        if (item.Error != null)
                        {
                            // A failure of one item surfaces where it would have surfaced sequentially.
                            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(item.Error).Throw();
                        }

                        yield return item.Value;
                    }
                }
            }
            finally
            {
                cancel.Cancel();
                producer.Wait();
            }

            if (failure != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }

        private static Slot<TOut>[] Decide<TIn, TOut>(TIn[] batch, int count, Func<TIn, TOut> work, ParallelOptions options)
        {
            var results = new Slot<TOut>[count];
            if (count < 16)
            {
                for (int i = 0; i < count; i++)
                {
                    Run(batch, results, i, work);
                }
            }
            else
            {
                // Contiguous chunks per worker keep cache locality; every index is written once.
                int workers = Math.Min(options.MaxDegreeOfParallelism, 8);
                int chunk = (count + (workers * 4) - 1) / (workers * 4);
                Parallel.For(0, (count + chunk - 1) / chunk, options, c =>
                {
                    int end = Math.Min(count, (c + 1) * chunk);
                    for (int i = c * chunk; i < end; i++)
                    {
                        Run(batch, results, i, work);
                    }
                });
            }

            return results;
        }

        private static void Run<TIn, TOut>(TIn[] batch, Slot<TOut>[] results, int i, Func<TIn, TOut> work)
        {
            try
            {
                results[i].Value = work(batch[i]);
            }
            catch (Exception ex)
            {
                results[i].Error = ex;
            }

            batch[i] = default!;
        }

        private struct Slot<T>
        {
            public T Value;
            public Exception? Error;
        }
    }
}
