using System.Runtime.CompilerServices;

namespace CityTwin.Traffic.Routing;

/// <summary>
/// A binary min-heap of (key, item) pairs in two parallel arrays, without decrease-key: routers push a vertex again
/// when its cost improves and skip stale entries on pop (lazy deletion), which is simpler and usually faster than an
/// indexed heap on road graphs. <see cref="Clear"/> is O(1) and the arrays are kept, so a query allocates nothing
/// once the heap has grown to its working size.
/// </summary>
internal sealed class MinHeap
{
    private double[] _keys;
    private int[] _items;
    private int _count;

    public MinHeap(int initialCapacity)
    {
        var capacity = Math.Max(16, initialCapacity);
        _keys = new double[capacity];
        _items = new int[capacity];
    }

    public int Count => _count;

    public void Clear() => _count = 0;

    public void Push(double key, int item)
    {
        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _count * 2);
            Array.Resize(ref _items, _count * 2);
        }

        // Sift up: move parents down until the new key's slot is found, then write once.
        var i = _count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (_keys[parent] <= key)
            {
                break;
            }

            _keys[i] = _keys[parent];
            _items[i] = _items[parent];
            i = parent;
        }

        _keys[i] = key;
        _items[i] = item;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryPop(out double key, out int item)
    {
        if (_count == 0)
        {
            key = 0;
            item = -1;
            return false;
        }

        key = _keys[0];
        item = _items[0];
        var last = --_count;
        if (last > 0)
        {
            SiftDown(_keys[last], _items[last], last);
        }

        return true;
    }

    private void SiftDown(double key, int item, int count)
    {
        var keys = _keys;
        var items = _items;
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && keys[child + 1] < keys[child])
            {
                child++;
            }

            if (keys[child] >= key)
            {
                break;
            }

            keys[i] = keys[child];
            items[i] = items[child];
            i = child;
        }

        keys[i] = key;
        items[i] = item;
    }
}
