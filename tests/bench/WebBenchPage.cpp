#include "WebBenchPage.h"

#include "HttpServer.h"

#include <QUrlQuery>

namespace {

const QByteArray page = R"(<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>loading</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font-family: "Noto Sans CJK SC", sans-serif; margin: 0; background: #f4f6f9;
       color: #1d2733; }
header { background: #0b5cad; color: #fff; padding: 24px 48px; font-size: 32px; }
main { max-width: 1100px; margin: 32px auto; background: #fff; border-radius: 12px;
       padding: 32px 48px; box-shadow: 0 2px 8px rgba(0,0,0,.12); }
h1 { font-size: 30px; margin-top: 0; }
label { display: block; font-size: 22px; margin: 18px 0 6px; }
input, select { font-size: 22px; padding: 10px; width: 100%; box-sizing: border-box; border: 1px solid #9aa7b5;
                border-radius: 6px; }
.row { display: flex; gap: 24px; } .row > div { flex: 1; }
button { font-size: 24px; padding: 14px 40px; margin-top: 28px; border: 0; border-radius: 8px;
         background: #0b5cad; color: #fff; }
button.secondary { background: #e3e8ee; color: #1d2733; }
ol { font-size: 20px; line-height: 1.6; }
</style></head>
<body>
<header>政务服务网 · Online services</header>
<main>
<h1>居住证预约 Residence permit appointment</h1>
<ol><li>填写申请人信息 Applicant</li><li>选择办理地点和时间 Place and time</li><li>确认 Confirm</li></ol>
<form onsubmit="return false">
<div class="row"><div><label for="name">姓名 Name</label><input id="name" autocomplete="off"></div>
<div><label for="phone">手机号码 Mobile</label><input id="phone" inputmode="tel"></div></div>
<label for="address">居住地址 Address of residence</label><input id="address">
<div class="row"><div><label for="district">办理地点 Service hall</label>
<select id="district"><option>市民中心</option><option>东城分中心</option><option>西城分中心</option>
<option>南区分中心</option><option>北区分中心</option></select></div>
<div><label for="day">日期 Day</label><input id="day" type="date"></div></div>
<button id="next" type="submit">下一步 Next</button> <button class="secondary" type="reset">重填 Reset</button>
</form>
</main>
<script>
const run = new URLSearchParams(location.search).get('run') || '';
document.getElementById('next').addEventListener('click', () => { document.title = 'next'; });
document.addEventListener('DOMContentLoaded', () => {
  requestAnimationFrame(() => setTimeout(() => {
    fetch('/beacon?run=' + encodeURIComponent(run), {cache: 'no-store'})
      .then(() => { document.title = 'interactive'; });
  }, 0));
});
</script>
</body></html>
)";

} // namespace

WebBenchPage::WebBenchPage(const QElapsedTimer &clock) : m_clock(clock)
{
    m_server = std::make_unique<HttpServer>(
        [this](const HttpRequest &request) {
            if (request.path == "/service.html")
                return HttpResponse{200, "text/html; charset=utf-8", page, {{"Cache-Control", "no-store"}}};
            if (request.path == "/beacon") {
                const QString run =
                    QUrlQuery(QString::fromUtf8(request.query)).queryItemValue(QStringLiteral("run"));
                if (!m_beacons.contains(run))
                    m_beacons.insert(run, m_clock.nsecsElapsed());
                ++m_beaconCount;
                return HttpResponse{204, "text/plain", QByteArray(), {{"Cache-Control", "no-store"}}};
            }
            return HttpResponse{404, "text/plain", "not found", {}};
        },
        HttpServer::Options{});
}

WebBenchPage::~WebBenchPage() = default;

bool WebBenchPage::listen(QString *error)
{
    return m_server->listen(0, error);
}

QString WebBenchPage::origin() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_server->port());
}

QUrl WebBenchPage::pageUrl(const QString &run) const
{
    return QUrl(origin() + QStringLiteral("/service.html?run=") + run);
}
