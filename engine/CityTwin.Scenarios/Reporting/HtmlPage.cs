using System.Text;
using CityTwin.Model.Files;

namespace CityTwin.Scenarios.Reporting;

/// <summary>The page frame shared by the run and comparison reports: inline CSS and script, no external resource.</summary>
internal static class HtmlPage
{
    private const string Css = """
        body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px auto;max-width:1000px;color:#222;padding:0 12px}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
        .sub{color:#666;margin:0 0 12px}table{border-collapse:collapse;font-size:13px}td,th{padding:3px 10px;border-bottom:1px solid #eee;text-align:right}
        td:first-child,th:first-child{text-align:left}.kpis{columns:2;column-gap:32px}.kpis table{width:100%}
        .charts{display:flex;flex-wrap:wrap;gap:12px}.chart{background:#fafafa;border:1px solid #eee}
        .chart text{font-size:10px;fill:#444}.chart .ct{font-size:12px;font-weight:600;fill:#222}.chart .yt{text-anchor:end}.chart .xt,.chart .xl{text-anchor:middle}
        .chart .grid{stroke:#e4e4e4}.chart .axis{stroke:#999}.map svg{border:1px solid #ddd;margin-top:6px}.map path{fill:none;stroke-width:1.6;stroke-linecap:round}
        .map .sea{fill:#fdfdfb}.map .attr{font-size:11px;fill:#555;text-anchor:end}.legend{display:flex;align-items:center;gap:8px;margin:6px 0;font-size:12px}
        .legend[hidden]{display:none}.legend .bar{display:inline-block;width:220px;height:10px;border:1px solid #ccc}.missing{color:#a33}.sig{font-weight:700}
        .up{color:#b2182b}.down{color:#2166ac}footer{margin-top:32px;color:#666;font-size:12px;border-top:1px solid #ddd;padding-top:8px}
        """;

    private const string Script = """
        function ctLayer(id,i){document.querySelectorAll('#'+id+' path').forEach(function(p){p.setAttribute('stroke',p.getAttribute('data-c').split('|')[i]);});
        document.querySelectorAll('[id^="'+id+'-lg"]').forEach(function(l){l.hidden=l.id!==id+'-lg'+i;});}
        """;

    /// <summary>Wraps sections into a complete page.</summary>
    /// <param name="title">Page title.</param>
    /// <param name="body">Body HTML.</param>
    /// <returns>The page.</returns>
    public static string Wrap(string title, string body)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        sb.Append("<title>").Append(SvgLineChart.Esc(title)).Append("</title><style>").Append(Css).Append("</style><script>").Append(Script).Append("</script></head><body>");
        sb.Append(body);
        sb.Append("<footer>Made by CityTwin. Map data © OpenStreetMap contributors, available under the Open Database License (ODbL). ");
        sb.Append("SUMO scenario data, where used, is under EPL-2.0. This file is self-contained and works offline.</footer></body></html>");
        return sb.ToString();
    }

    /// <summary>A bulleted list, or nothing for no items.</summary>
    public static string List(string heading, IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "" : $"<h2>{SvgLineChart.Esc(heading)}</h2><ul>" + string.Concat(list.Select(i => $"<li>{SvgLineChart.Esc(i)}</li>")) + "</ul>";
    }

    /// <summary>Writes a page through a temporary file.</summary>
    public static string Write(string html, string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "report.html");
        AtomicFile.WriteText(path, w => w.Write(html));
        return path;
    }
}
