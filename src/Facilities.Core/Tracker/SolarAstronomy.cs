namespace Facilities.Core.Tracker;

/// <summary>
/// The two astronomical quantities the lunisolar calendar needs: the instant of each new moon and the Sun's apparent
/// longitude. Written from Jean Meeus, <i>Astronomical Algorithms</i> (2nd ed., 1998): ch. 49 (true new moon, with all
/// the periodic and planetary terms), ch. 25 (solar coordinates, low accuracy, with nutation and aberration) and the
/// Espenak–Meeus polynomials for ΔT (TT − UT). New moons are good to well under a minute over 1900–2200.
/// </summary>
internal static class SolarAstronomy
{
    /// <summary>First supported Gregorian year (the ΔT polynomials start in 1900).</summary>
    public const int FirstYear = 1900;

    /// <summary>Last supported Gregorian year.</summary>
    public const int LastYear = 2199;

    private const double Deg = Math.PI / 180.0;
    private const double SynodicMonth = 29.530588861;
    private const double NewMoonEpoch = 2451550.09766;

    /// <summary>Number of the last mean new moon at or before <paramref name="julianDay"/> (k = 0 on 2000-01-06).</summary>
    public static int NewMoonIndexBefore(double julianDay) => (int)Math.Floor((julianDay - NewMoonEpoch) / SynodicMonth);

    /// <summary>The instant (Julian day, UT) of new moon number <paramref name="k"/>.</summary>
    public static double NewMoonUt(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        var t4 = t3 * t;
        var jde = NewMoonEpoch + (SynodicMonth * k) + (0.00015437 * t2) - (0.000000150 * t3) + (0.00000000073 * t4);
        var e = 1 - (0.002516 * t) - (0.0000074 * t2);
        var m = Deg * (2.5534 + (29.10535670 * k) - (0.0000014 * t2) - (0.00000011 * t3));
        var mp = Deg * (201.5643 + (385.81693528 * k) + (0.0107582 * t2) + (0.00001238 * t3) - (0.000000058 * t4));
        var f = Deg * (160.7108 + (390.67050284 * k) - (0.0016118 * t2) - (0.00000227 * t3) + (0.000000011 * t4));
        var om = Deg * (124.7746 - (1.56375588 * k) + (0.0020672 * t2) + (0.00000215 * t3));

        var c = (-0.40720 * Math.Sin(mp)) + (0.17241 * e * Math.Sin(m)) + (0.01608 * Math.Sin(2 * mp))
            + (0.01039 * Math.Sin(2 * f)) + (0.00739 * e * Math.Sin(mp - m)) - (0.00514 * e * Math.Sin(mp + m))
            + (0.00208 * e * e * Math.Sin(2 * m)) - (0.00111 * Math.Sin(mp - (2 * f))) - (0.00057 * Math.Sin(mp + (2 * f)))
            + (0.00056 * e * Math.Sin((2 * mp) + m)) - (0.00042 * Math.Sin(3 * mp)) + (0.00042 * e * Math.Sin(m + (2 * f)))
            + (0.00038 * e * Math.Sin(m - (2 * f))) - (0.00024 * e * Math.Sin((2 * mp) - m)) - (0.00017 * Math.Sin(om))
            - (0.00007 * Math.Sin(mp + (2 * m))) + (0.00004 * Math.Sin((2 * mp) - (2 * f))) + (0.00004 * Math.Sin(3 * m))
            + (0.00003 * Math.Sin(mp + m - (2 * f))) + (0.00003 * Math.Sin((2 * mp) + (2 * f)))
            - (0.00003 * Math.Sin(mp + m + (2 * f))) + (0.00003 * Math.Sin(mp - m + (2 * f)))
            - (0.00002 * Math.Sin(mp - m - (2 * f))) - (0.00002 * Math.Sin((3 * mp) + m)) + (0.00002 * Math.Sin(4 * mp));

        double[] a =
        [
            299.77 + (0.107408 * k) - (0.009173 * t2), 251.88 + (0.016321 * k), 251.83 + (26.651886 * k),
            349.42 + (36.412478 * k), 84.66 + (18.206239 * k), 141.74 + (53.303771 * k), 207.14 + (2.453732 * k),
            154.84 + (7.306860 * k), 34.52 + (27.261239 * k), 207.19 + (0.121824 * k), 291.34 + (1.844379 * k),
            161.72 + (24.198154 * k), 239.56 + (25.513099 * k), 331.55 + (3.592518 * k),
        ];
        double[] coefficient =
        [
            0.000325, 0.000165, 0.000164, 0.000126, 0.000110, 0.000062, 0.000060,
            0.000056, 0.000047, 0.000042, 0.000040, 0.000037, 0.000035, 0.000023,
        ];
        var planetary = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            planetary += coefficient[i] * Math.Sin(Deg * a[i]);
        }

        jde += c + planetary;
        return jde - (DeltaTSeconds(jde) / 86400.0);
    }

    /// <summary>The Sun's apparent geocentric longitude in degrees [0, 360) at <paramref name="julianDayUt"/>.</summary>
    public static double SunLongitude(double julianDayUt)
    {
        var jde = julianDayUt + (DeltaTSeconds(julianDayUt) / 86400.0);
        var t = (jde - 2451545.0) / 36525.0;
        var t2 = t * t;
        var l0 = 280.46646 + (36000.76983 * t) + (0.0003032 * t2);
        var m = Deg * (357.52911 + (35999.05029 * t) - (0.0001537 * t2));
        var c = ((1.914602 - (0.004817 * t) - (0.000014 * t2)) * Math.Sin(m))
            + ((0.019993 - (0.000101 * t)) * Math.Sin(2 * m)) + (0.000289 * Math.Sin(3 * m));
        var omega = Deg * (125.04 - (1934.136 * t));
        var lambda = l0 + c - 0.00569 - (0.00478 * Math.Sin(omega));
        lambda %= 360.0;
        return lambda < 0 ? lambda + 360.0 : lambda;
    }

    /// <summary>ΔT = TT − UT in seconds (Espenak and Meeus polynomials, NASA eclipse pages, 1900–2200).</summary>
    private static double DeltaTSeconds(double julianDay)
    {
        var y = 2000.0 + ((julianDay - 2451544.5) / 365.2425);
        if (y < 1920)
        {
            var t = y - 1900;
            return -2.79 + (1.494119 * t) - (0.0598939 * t * t) + (0.0061966 * t * t * t) - (0.000197 * t * t * t * t);
        }

        if (y < 1941)
        {
            var t = y - 1920;
            return 21.20 + (0.84493 * t) - (0.076100 * t * t) + (0.0020936 * t * t * t);
        }

        if (y < 1961)
        {
            var t = y - 1950;
            return 29.07 + (0.407 * t) - (t * t / 233) + (t * t * t / 2547);
        }

        if (y < 1986)
        {
            var t = y - 1975;
            return 45.45 + (1.067 * t) - (t * t / 260) - (t * t * t / 718);
        }

        if (y < 2005)
        {
            var t = y - 2000;
            return 63.86 + (0.3345 * t) - (0.060374 * t * t) + (0.0017275 * t * t * t) + (0.000651814 * t * t * t * t)
                + (0.00002373599 * t * t * t * t * t);
        }

        if (y < 2050)
        {
            var t = y - 2000;
            return 62.92 + (0.32217 * t) + (0.005589 * t * t);
        }

        var u = (y - 1820) / 100;
        return y < 2150 ? -20 + (32 * u * u) - (0.5628 * (2150 - y)) : -20 + (32 * u * u);
    }
}
