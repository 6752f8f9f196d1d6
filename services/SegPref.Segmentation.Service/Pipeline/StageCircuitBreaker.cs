namespace SegPref.Segmentation.Service.Pipeline;

/// <summary>
/// One stage's circuit: after <c>threshold</c> consecutive UNAVAILABLE calls it opens and calls fail at once (no
/// connection attempt) for the break time; then one trial call goes through (half-open): success closes the circuit,
/// failure opens it again. A health probe that finds the stage SERVING closes it early.
/// </summary>
public sealed class StageCircuitBreaker(string stage, int threshold, TimeSpan breakTime, TimeProvider time)
{
    private readonly Lock _lock = new();
    private int _failures;
    private long _openUntil;
    private bool _trialInFlight;
    private string _lastError = string.Empty;

    public string Stage { get; } = stage;

    /// <summary>True while calls are refused without trying (open, or half-open with the trial call out).</summary>
    public bool IsOpen
    {
        get
        {
            lock (_lock)
            {
                return _failures >= threshold && (time.GetTimestamp() < _openUntil || _trialInFlight);
            }
        }
    }

    /// <summary>Times the circuit opened since the process started (for tests and logs).</summary>
    public int Opened { get; private set; }

    /// <summary>Whether a call may go out now; when not, <paramref name="refusal"/> says why.</summary>
    public bool TryEnter(out string refusal)
    {
        lock (_lock)
        {
            refusal = string.Empty;
            if (_failures < threshold)
            {
                return true;
            }

            var now = time.GetTimestamp();
            if (now >= _openUntil && !_trialInFlight)
            {
                _trialInFlight = true;
                return true;
            }

            var wait = now < _openUntil ? time.GetElapsedTime(now, _openUntil).TotalSeconds : 0;
            refusal = $"circuit open after {_failures} consecutive failures, next trial in {wait:F1} s; last error: {_lastError}";
            return false;
        }
    }

    public void OnSuccess()
    {
        lock (_lock)
        {
            _failures = 0;
            _trialInFlight = false;
        }
    }

    /// <summary>Records a failure that says the stage is down (UNAVAILABLE).</summary>
    public void OnUnavailable(string error)
    {
        lock (_lock)
        {
            _lastError = error;
            _failures++;
            _trialInFlight = false;
            if (_failures >= threshold)
            {
                if (time.GetTimestamp() >= _openUntil)
                {
                    Opened++;
                }

                _openUntil = time.GetTimestamp() + (long)(breakTime.TotalSeconds * time.TimestampFrequency);
            }
        }
    }

    /// <summary>A call ended without saying anything about the stage's availability (e.g. bad input): release a trial.</summary>
    public void OnOtherOutcome()
    {
        lock (_lock)
        {
            _trialInFlight = false;
        }
    }

    /// <summary>The stage answered SERVING to a health probe: close the circuit.</summary>
    public void OnHealthy() => OnSuccess();
}
