namespace Facilities.Core.Programme;

/// <summary>
/// The most pupils new places can seat when each action's places may go to any cell within its reach: a maximum
/// flow from the actions (capacity: their places) to the cells (capacity: their unmet pupils). The total is what the
/// catchment programme's need left depends on; it is unique, though the split between cells is not. Dinic's
/// algorithm on the bipartite graph; the graphs of one level and year are small (hundreds of nodes).
/// </summary>
public static class SeatFlow
{
    private const double Eps = 1e-9;

    /// <summary>Pupils seated per cell by the maximum flow.</summary>
    /// <param name="places">Places of each action.</param>
    /// <param name="need">Unmet pupils of each cell.</param>
    /// <param name="links">(action, cell) pairs: the action's site is within the cell's reach.</param>
    public static double[] Seat(IReadOnlyList<double> places, IReadOnlyList<double> need, IReadOnlyList<(int Action, int Cell)> links)
    {
        var a = places.Count;
        var n = a + need.Count + 2;
        var (source, sink) = (n - 2, n - 1);
        var graph = new Graph(n);
        for (var i = 0; i < a; i++)
        {
            graph.Add(source, i, places[i]);
        }
        var cellEdges = new int[need.Count];
        for (var c = 0; c < need.Count; c++)
        {
            cellEdges[c] = graph.Add(a + c, sink, need[c]);
        }
        foreach (var (action, cell) in links)
        {
            graph.Add(action, a + cell, double.PositiveInfinity);
        }
        graph.MaxFlow(source, sink);
        return [.. cellEdges.Select(e => graph.Flow(e))];
    }

    private sealed class Graph(int nodes)
    {
        private readonly List<int>[] _out = [.. Enumerable.Range(0, nodes).Select(_ => new List<int>())];
        private readonly List<int> _to = [];
        private readonly List<double> _cap = [];
        private readonly List<double> _flow = [];

        /// <summary>Adds an edge and its reverse; returns the edge's index.</summary>
        public int Add(int from, int to, double capacity)
        {
            var e = _to.Count;
            _to.Add(to);
            _cap.Add(capacity);
            _flow.Add(0);
            _out[from].Add(e);
            _to.Add(from);
            _cap.Add(0);
            _flow.Add(0);
            _out[to].Add(e + 1);
            return e;
        }

        public double Flow(int edge) => _flow[edge];

        public void MaxFlow(int source, int sink)
        {
            var level = new int[_out.Length];
            var next = new int[_out.Length];
            while (Levels(source, sink, level))
            {
                Array.Clear(next);
                double pushed;
                do
                {
                    pushed = Push(source, sink, double.PositiveInfinity, level, next);
                }
                while (pushed > Eps);
            }
        }

        private bool Levels(int source, int sink, int[] level)
        {
            Array.Fill(level, -1);
            level[source] = 0;
            var queue = new Queue<int>([source]);
            while (queue.TryDequeue(out var v))
            {
                foreach (var e in _out[v])
                {
                    if (level[_to[e]] < 0 && _cap[e] - _flow[e] > Eps)
                    {
                        level[_to[e]] = level[v] + 1;
                        queue.Enqueue(_to[e]);
                    }
                }
            }
            return level[sink] >= 0;
        }

        private double Push(int v, int sink, double limit, int[] level, int[] next)
        {
            if (v == sink)
            {
                return limit;
            }
            for (; next[v] < _out[v].Count; next[v]++)
            {
                var e = _out[v][next[v]];
                var w = _to[e];
                var room = _cap[e] - _flow[e];
                if (level[w] != level[v] + 1 || room <= Eps)
                {
                    continue;
                }
                var pushed = Push(w, sink, Math.Min(limit, room), level, next);
                if (pushed > Eps)
                {
                    _flow[e] += pushed;
                    _flow[e ^ 1] -= pushed;
                    return pushed;
                }
            }
            return 0;
        }
    }
}
