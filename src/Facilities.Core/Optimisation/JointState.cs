namespace Facilities.Core.Optimisation;

/// <summary>
/// A partial joint solution kept incrementally (covered points per level, parcels used, schools per level), so the
/// greedy steps cost the points of one site per option rather than a full re-evaluation.
/// </summary>
internal sealed class JointState
{
    private readonly JointSitingInstance _instance;
    private readonly bool[][] _covered;
    private readonly HashSet<int> _parcels = [];
    private readonly int[] _schools;

    public JointState(JointSitingInstance instance, IEnumerable<int> chosen)
    {
        _instance = instance;
        _covered = [.. instance.Levels.Select(l => new bool[l.Pupils.Length])];
        _schools = new int[instance.Levels.Count];
        foreach (var o in chosen)
        {
            Add(o);
        }
    }

    /// <summary>Options taken, in the order taken.</summary>
    public List<int> Chosen { get; } = [];

    /// <summary>Whether option <paramref name="o"/> can be added: not taken, its parcels free, its levels short of schools.</summary>
    public bool CanAdd(int o)
    {
        var option = _instance.Options[o];
        return !Chosen.Contains(o)
            && !_instance.SiteParcels[option.Site].Any(_parcels.Contains)
            && option.Levels.All(l => _schools[l] < _instance.Levels[l].Schools);
    }

    /// <summary>What option <paramref name="o"/> would add to the objective.</summary>
    public double Gain(int o)
    {
        var option = _instance.Options[o];
        double gain = 0;
        foreach (var l in option.Levels)
        {
            if (_instance.LevelInstance(l) is not { } level)
            {
                continue;
            }

            double pupils = 0;
            foreach (var i in level.Coverage.PointsOf(option.Site))
            {
                pupils += _covered[l][i] ? 0 : level.Weight[i];
            }

            gain += _instance.Levels[l].WeightPerPupil * pupils;
        }

        return gain;
    }

    /// <summary>Takes option <paramref name="o"/>.</summary>
    public void Add(int o)
    {
        var option = _instance.Options[o];
        Chosen.Add(o);
        _parcels.UnionWith(_instance.SiteParcels[option.Site]);
        foreach (var l in option.Levels)
        {
            _schools[l]++;
            if (_instance.LevelInstance(l) is { } level)
            {
                foreach (var i in level.Coverage.PointsOf(option.Site))
                {
                    _covered[l][i] = true;
                }
            }
        }
    }
}
