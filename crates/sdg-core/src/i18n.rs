//! UI strings in English and Korean, and number formatting.
//!
//! Every string the app shows goes through [`text`]; a test fails when a key used in
//! the app's source is missing here or a language is empty. Korean names of cities
//! and indicators come from the data, not from this table.

/// UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Korean.
    Ko,
}

impl Lang {
    /// URL key and `<html lang>` value.
    pub fn key(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// The other language (for text shown in it, marked with its `lang`).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Ko,
            Lang::Ko => Lang::En,
        }
    }

    /// The Korean text where the UI is Korean and one exists, else the English one:
    /// the one rule for every name and title shown.
    pub fn pick<'a>(self, en: &'a str, ko: Option<&'a str>) -> &'a str {
        match (self, ko) {
            (Lang::Ko, Some(ko)) if !ko.is_empty() => ko,
            _ => en,
        }
    }
}

/// `(key, English, Korean)`.
pub const MESSAGES: &[(&str, &str, &str)] = &[
    ("skip", "Skip to content", "본문으로 건너뛰기"),
    ("tagline", "How cities progress on Sustainable Development Goal 11", "지속가능발전목표 11에 대한 도시의 이행 현황"),
    ("footer", "Open source (MIT licence). Every figure comes from a listed source; see Data sources and licences on the overview.", "오픈 소스(MIT 라이선스). 모든 수치는 출처가 밝혀진 자료에서 나옵니다. 개요의 ‘데이터 출처와 라이선스’를 보세요."),
    ("nav.label", "Views", "보기"),
    ("nav.overview", "Overview", "개요"),
    ("nav.map", "Map", "지도"),
    ("nav.chart", "Charts", "차트"),
    ("nav.table", "Table", "표"),
    ("nav.indicator", "Indicator", "지표"),
    ("nav.actions", "Local actions", "지역 실천 사례"),
    ("actions.title", "What cities did about Goal 11", "도시들의 목표 11 실천 사례"),
    ("actions.intro", "Local governments' own actions, experiences and good practices, each summarised by our editors from the source it links. Filter by target, theme, country, year or text.", "지방정부의 실천, 경험, 모범 사례입니다. 각 사례는 연결된 출처를 바탕으로 편집진이 요약했습니다. 세부 목표, 주제, 국가, 연도, 검색어로 거를 수 있습니다."),
    ("actions.count", "{n} actions", "사례 {n}건"),
    ("actions.targets", "Goal 11 targets", "목표 11 세부 목표"),
    ("actions.theme", "Theme", "주제"),
    ("actions.from", "From year", "시작 연도"),
    ("actions.to", "To year", "끝 연도"),
    ("actions.search", "Search actions", "사례 검색"),
    ("actions.english", "English", "영어"),
    ("actions.source", "Source:", "출처:"),
    ("actions.confidence.high", "High confidence: city, year and facts are in the source", "신뢰도 높음: 도시, 연도, 사실이 출처에 있음"),
    ("actions.confidence.medium", "Medium confidence: year inferred or link to Goal 11 indirect", "신뢰도 보통: 연도 추정 또는 목표 11과 간접 연관"),
    ("actions.year-unknown", "year not given", "연도 미상"),
    ("actions.permalink", "Link to this action", "이 사례 링크"),
    ("actions.all", "All actions", "모든 사례"),
    ("actions.unknown", "No action has this id", "이 번호의 사례가 없습니다"),
    ("actions.of", "Actions of", "사례 지역:"),
    ("actions.clear", "Show all places", "모든 지역 보기"),
    ("actions.none", "No action matches these filters.", "조건에 맞는 사례가 없습니다."),
    ("map.layer", "Layer", "레이어"),
    ("map.layer.statistics", "Statistics", "통계"),
    ("map.layer.actions", "Local actions", "지역 실천 사례"),
    ("map.actions-title", "Where cities reported Goal 11 actions", "목표 11 실천 사례를 보고한 도시"),
    ("map.actions-legend", "Circle area: number of actions a city reported. Select a city to read its actions.", "원의 넓이: 도시가 보고한 사례 수. 도시를 선택하면 사례를 볼 수 있습니다."),
    ("map.actions-count", "{n} actions", "사례 {n}건"),
    ("map.actions-label", "Map of {shown} cities with local actions", "지역 실천 사례가 있는 도시 {shown}곳 지도"),
    ("report.title", "Goal 11 report", "목표 11 보고서"),
    ("report.open", "Goal 11 report (print-ready)", "목표 11 보고서(인쇄용)"),
    ("report.generated", "Generated on {date} by Urban SDG Explorer from", "Urban SDG Explorer가 {date}에 다음 주소에서 만들었습니다:"),
    ("report.print", "Print or save as PDF", "인쇄 또는 PDF로 저장"),
    ("report.no-data", "No data yet for this target.", "이 세부 목표에는 아직 자료가 없습니다."),
    ("report.statistics", "Statistics", "통계"),
    ("report.actions", "What the city did", "도시의 실천"),
    ("report.sources", "Sources and licences", "출처와 라이선스"),
    ("nav.korea", "Korea", "한국"),
    ("korea.title", "Korea's Goal 11 implementation", "한국 지방정부의 목표 11 이행"),
    ("korea.intro", "Local governments (rows) by Goal 11 targets (columns). A number counts the actions the government reported on the target; ● means a statistical series of the target has a value for it. Leading local governments, those covering the most targets, come first.", "지방정부(행)별 목표 11 세부 목표(열)입니다. 숫자는 그 세부 목표에 대해 보고된 실천 사례 수이고, ●는 그 세부 목표의 통계 계열에 값이 있음을 뜻합니다. 가장 많은 세부 목표를 다루는 선도 지방정부가 먼저 나옵니다."),
    ("korea.government", "Local government", "지방정부"),
    ("korea.covered", "Targets covered", "다룬 세부 목표"),
    ("korea.actions", "Actions", "사례"),
    ("korea.series", "statistics available", "통계 있음"),
    ("korea.csv", "Download CSV", "CSV 내려받기"),
    ("korea.sort-leaders", "Leaders first", "선도 지방정부 순"),
    ("korea.map-colour", "Colour the map by", "지도 색칠 기준"),
    ("korea.map-actions", "Goal 11 actions reported", "보고된 목표 11 실천 사례"),
    ("korea.map-none", "Nothing reported", "보고 없음"),
    ("korea.map-label", "Map of Korea's local governments: {layer}. The table beside it holds the same data.", "한국 지방정부 지도: {layer}. 옆의 표에 같은 자료가 있습니다."),
    ("korea.map-help", "An area without its own figure shows its province's or metropolitan city's, and the tooltip names whose it is. Click an area to open that government's profile.", "자체 수치가 없는 지역은 소속 도나 광역시의 수치를 보여 주며, 도움말에 누구의 수치인지 나옵니다. 지역을 누르면 그 지방정부의 소개가 열립니다."),
    ("problem.duplicate-id", "duplicate id", "같은 id가 이미 있습니다"),
    ("problem.title", "missing English title", "영어 제목이 없습니다"),
    ("problem.no-target", "an action serves at least one Goal 11 target", "목표 11 세부 목표를 하나 이상 고르세요"),
    ("problem.target", "unknown target `{v}`", "알 수 없는 세부 목표 `{v}`"),
    ("problem.theme", "unknown theme `{v}`", "알 수 없는 주제 `{v}`"),
    ("problem.year", "{v} is not a plausible year", "{v}은(는) 타당한 연도가 아닙니다"),
    ("problem.country", "unknown country `{v}`", "알 수 없는 나라 `{v}`"),
    ("problem.place", "unknown place `{v}`", "알 수 없는 장소 `{v}`"),
    ("problem.source", "every entry needs its source", "출처를 적어 주세요"),
    ("problem.link", "`{v}` is not an http or https link", "`{v}`은(는) http 또는 https 주소가 아닙니다"),
    ("problem.required", "required", "필수 항목입니다"),
    ("problem.not-a-year", "“{v}” is not a whole year", "“{v}”은(는) 연도가 아닙니다"),
    ("problem.place-elsewhere", "this place is in another country than the one chosen", "이 장소는 고른 나라에 있지 않습니다"),
    ("share.title", "Share an action", "실천 사례 공유하기"),
    ("share.intro", "Tell other cities what your city did about Goal 11. Fill in the form, check the card as it will appear, and download the file. Nothing is uploaded: send the file to the hub's editors, who add it to the collection.", "목표 11을 위해 여러분의 도시가 한 일을 다른 도시와 나누세요. 양식을 채우고, 보일 카드 모양을 확인한 뒤 파일을 내려받으세요. 아무것도 업로드되지 않습니다. 파일을 허브 편집진에게 보내면 모음에 추가합니다."),
    ("share.who", "Who acted", "실천 주체"),
    ("share.what", "What was done", "실천 내용"),
    ("share.source", "Source", "출처"),
    ("share.field.places", "Find the city in the explorer", "탐색기에서 도시 찾기"),
    ("share.field.label", "Name as your city writes it (a district or a group of cities is fine)", "도시가 쓰는 이름 (구나 여러 도시 묶음도 됩니다)"),
    ("share.field.country", "Country", "나라"),
    ("share.field.year", "Year it started (or was published)", "시작(또는 발표) 연도"),
    ("share.field.title_en", "Title in English", "영어 제목"),
    ("share.field.title_ko", "Title in Korean (optional)", "한국어 제목 (선택)"),
    ("share.field.summary_en", "Summary in English: what was done, for whom, with what result", "영어 요약: 무엇을, 누구를 위해, 어떤 결과로"),
    ("share.field.summary_ko", "Summary in Korean (optional; never machine-translated)", "한국어 요약 (선택, 기계 번역 금지)"),
    ("share.field.targets", "Goal 11 targets it serves", "관련 목표 11 세부 목표"),
    ("share.field.theme", "Theme", "주제"),
    ("share.field.source_title", "Source title (a report, a web page, an award)", "출처 제목 (보고서, 웹페이지, 수상)"),
    ("share.field.source_url", "Source address (http or https)", "출처 주소 (http 또는 https)"),
    ("share.field.confidence", "How sure are the facts?", "사실 확인 정도"),
    ("share.picked", "Linked to {name} in the explorer", "탐색기의 {name}에 연결됨"),
    ("share.no-place", "Not linked to a place yet: the card shows the name only (location unknown).", "아직 장소에 연결되지 않았습니다. 카드에는 이름만 나옵니다 (위치 모름)."),
    ("share.choose", "Choose…", "고르세요…"),
    ("share.download", "Download the action file", "사례 파일 내려받기"),
    ("share.problems", "{n} problem(s) to fix before the file can be made", "파일을 만들기 전에 고칠 문제 {n}개"),
    ("share.ready", "The file is downloaded. Send it to the hub's editors.", "파일을 내려받았습니다. 허브 편집진에게 보내 주세요."),
    ("share.preview", "Preview: the card as it will appear", "미리 보기: 보일 카드 모양"),
    ("share.how", "The file is an actions pack with this one action; the editors check it with the same rules and add it with `datagen merge-actions`.", "이 파일은 사례 하나가 든 실천 사례 묶음입니다. 편집진은 같은 규칙으로 확인한 뒤 `datagen merge-actions`로 추가합니다."),
    ("actions.share", "Share your city's action", "우리 도시의 사례 공유하기"),
    ("import.unreadable", "a quote opened here is never closed: the file cannot be read from this line", "여기서 연 따옴표가 닫히지 않아 이 줄부터 읽을 수 없습니다"),
    ("import.missing-column", "the header needs this column", "머리글에 이 열이 있어야 합니다"),
    ("import.short-line", "this line has fewer cells than the header", "이 줄은 머리글보다 칸이 적습니다"),
    ("import.empty", "empty", "비어 있습니다"),
    ("import.unknown-place", "no place is named “{v}”: write its id (see a city's profile address)", "“{v}”라는 장소가 없습니다. id를 쓰세요 (도시 소개 주소 참고)"),
    ("import.ambiguous-place", "“{v}” names several places ({w}): write the id instead", "“{v}”은(는) 여러 장소의 이름입니다 ({w}). id를 쓰세요"),
    ("import.unknown-series", "“{v}” is neither a series id nor an indicator code", "“{v}”은(는) 계열 id도 지표 코드도 아닙니다"),
    ("import.not-a-year", "“{v}” is not a whole year", "“{v}”은(는) 연도가 아닙니다"),
    ("import.year", "{v} is before 1950 or in the future", "{v}은(는) 1950년 이전이거나 미래입니다"),
    ("import.not-a-number", "“{v}” is not a number (use a point for decimals)", "“{v}”은(는) 숫자가 아닙니다 (소수점은 점으로)"),
    ("import.not-percent", "{v} is not a percentage (0 to 100)", "{v}은(는) 백분율이 아닙니다 (0에서 100 사이)"),
    ("import.negative", "{v}: a concentration cannot be negative", "{v}: 농도는 음수일 수 없습니다"),
    ("import.unit", "unit “{v}” differs from the series' unit {w}: convert the value first", "단위 “{v}”이(가) 계열의 단위 {w}와 다릅니다. 값을 먼저 환산하세요"),
    ("import.duplicate", "this place, series and year came earlier in the file", "같은 장소, 계열, 연도가 앞에 이미 있습니다"),
    ("import.other-target", "an earlier line set another local target ({v}) for this place and series", "앞 줄에서 이 장소와 계열에 다른 지역 목표({v})를 정했습니다"),
    ("import.too-many", "more than {v} rows: the rest is not read", "{v}행이 넘어 나머지는 읽지 않았습니다"),
    ("city.local-target", "against your local target {v}", "지역 목표 {v} 기준"),
    ("nav.mydata", "Your data", "내 자료"),
    ("mydata.title", "Use your own data", "내 자료 쓰기"),
    ("mydata.intro", "A local government can see its own figures beside the published ones. Choose a CSV file in the template's shape (or a pack you saved here before): it is read in this browser, nothing is uploaded. Good rows load into every view, marked “your data, not published”; each problem is listed with its line and column. A local target replaces the default threshold for that city's status and trend.", "지방정부는 자체 수치를 공표된 수치 옆에서 볼 수 있습니다. 서식에 맞춘 CSV 파일(또는 전에 여기서 저장한 묶음)을 고르세요. 이 브라우저 안에서만 읽으며 아무것도 업로드하지 않습니다. 올바른 행은 모든 화면에 “내 자료, 공표되지 않음”으로 표시되고, 문제마다 줄과 열이 나옵니다. 지역 목표는 그 도시의 상태와 추세에서 기본 기준을 대신합니다."),
    ("mydata.template", "The template's columns (UTF-8 CSV, a header line, one value per line)", "서식의 열 (UTF-8 CSV, 머리글 한 줄, 한 줄에 값 하나)"),
    ("mydata.column", "Column", "열"),
    ("mydata.meaning", "What it holds", "내용"),
    ("mydata.col.city", "The place: its id in the explorer (e.g. kr-31010, see a profile's address) or its English or Korean name; a name several places share is refused", "장소: 탐색기의 id(예: kr-31010, 소개 주소 참고) 또는 영어나 한국어 이름. 여러 장소가 같이 쓰는 이름은 받지 않습니다"),
    ("mydata.col.series", "A series id (e.g. pm25, kr-recycling) or an indicator code (e.g. 11.6.2, its first series)", "계열 id(예: pm25, kr-recycling) 또는 지표 코드(예: 11.6.2, 그 첫 계열)"),
    ("mydata.col.year", "The year (1950 to this year)", "연도 (1950년부터 올해까지)"),
    ("mydata.col.value", "The value, with a point for decimals", "값, 소수점은 점으로"),
    ("mydata.col.unit", "Optional: the unit, which must be the series' unit (convert first)", "선택: 단위, 계열의 단위와 같아야 합니다 (먼저 환산)"),
    ("mydata.col.source", "Where the value comes from (required)", "값의 출처 (필수)"),
    ("mydata.col.local_target", "Optional: the city's own target for this series, in its unit; the same on every line of a city and series", "선택: 이 계열에 대한 도시의 자체 목표(같은 단위). 한 도시와 계열의 모든 줄에서 같아야 합니다"),
    ("mydata.get-template", "Download the template", "서식 내려받기"),
    ("mydata.get-example", "Download a filled example (Suwon, real figures)", "작성 예 내려받기 (수원, 실제 수치)"),
    ("mydata.choose", "Choose a CSV file or a saved pack", "CSV 파일이나 저장한 묶음 고르기"),
    ("mydata.reading", "Reading the file…", "파일을 읽는 중…"),
    ("mydata.loaded", "{rows} values for {places} places in {series} series loaded from {file}; {problems} problem(s).", "{file}에서 장소 {places}곳, 계열 {series}개의 값 {rows}개를 읽었습니다. 문제 {problems}개."),
    ("mydata.nothing", "Nothing could be loaded from {file}.", "{file}에서 읽을 수 있는 것이 없습니다."),
    ("mydata.problems", "{n} problem(s) in {lines} data lines; the other lines loaded", "자료 {lines}줄 중 문제 {n}개. 나머지 줄은 읽었습니다"),
    ("mydata.line", "Line", "줄"),
    ("mydata.problem", "Problem", "문제"),
    ("mydata.where", "Where to see it", "볼 수 있는 곳"),
    ("mydata.save", "Save as a pack", "묶음으로 저장"),
    ("mydata.remove", "Remove your data", "내 자료 지우기"),
    ("mydata.badge", "Your data, not published:", "내 자료, 공표되지 않음:"),
    ("mydata.banner", "{rows} values from {file} are shown with the published data, where they win for their place and year.", "{file}의 값 {rows}개가 공표 자료와 함께 나오며, 같은 장소와 연도에서는 내 자료가 우선합니다."),
    ("mydata.manage", "Manage", "관리"),
    ("report.chart", "{series} in {city} over the years, with its country dashed", "{city}의 연도별 {series} (점선은 나라)"),
    ("nav.city", "City profile", "도시 소개"),
    ("nav.report", "City report", "도시 보고서"),
    ("nav.share", "Share an action", "사례 공유"),
    ("embed.button", "Embed", "퍼가기"),
    ("embed.title", "Embed this view in your page", "이 화면을 내 페이지에 넣기"),
    ("embed.intro", "Copy the code into your page. The view keeps its filters, language and theme; it shows a link to the full explorer and its sources.", "코드를 페이지에 붙여 넣으세요. 화면은 필터, 언어, 테마를 그대로 유지하고 탐색기 전체로 가는 링크와 출처를 보여 줍니다."),
    ("embed.options", "Options", "옵션"),
    ("embed.controls", "Show the controls (filters, presets, year player)", "조작 도구 보이기 (필터, 지역, 연도 재생)"),
    ("embed.auto", "Automatic height (adds a small script, embed.js)", "높이 자동 맞춤 (작은 스크립트 embed.js 추가)"),
    ("embed.height", "Height in pixels", "높이 (픽셀)"),
    ("embed.snippet", "Code to paste", "붙여 넣을 코드"),
    ("embed.link", "Or a link to this view", "또는 이 화면의 링크"),
    ("embed.help", "A partner page needs no inline script: with a Content-Security-Policy, allow this site in frame-src and, for automatic height, in script-src (or copy embed.js to your own site).", "파트너 페이지에는 인라인 스크립트가 필요 없습니다. Content-Security-Policy를 쓴다면 frame-src에, 높이 자동 맞춤을 쓴다면 script-src에도 이 사이트를 허용하세요 (또는 embed.js를 내 사이트에 복사)."),
    ("embed.close", "Close", "닫기"),
    ("embed.open", "Open in Urban SDG Explorer ↗", "Urban SDG Explorer에서 열기 ↗"),
    ("update.ready", "A new version of the explorer is ready (code and data together).", "탐색기의 새 버전이 준비되었습니다 (코드와 자료를 함께)."),
    ("update.reload", "Reload to use it", "새로 고쳐 사용하기"),
    ("kiosk.touch", "Touch the screen to explore", "화면을 눌러 둘러보세요"),
    ("prefs.theme.contrast", "High contrast", "고대비"),
    ("korea.count", "{n} local governments with at least one action or statistic", "사례나 통계가 하나 이상 있는 지방정부 {n}곳"),
    ("actions.overview", "What cities did: local actions by target", "도시들의 실천: 세부 목표별 지역 사례"),
    ("actions.recent", "Recent actions", "최근 사례"),
    ("actions.on-target", "Local actions on this target", "이 세부 목표의 지역 사례"),
    ("actions.see-all", "See all {n} actions on {target}", "{target}의 사례 {n}건 모두 보기"),
    ("actions.in-city", "Goal 11 actions of this city", "이 도시의 목표 11 실천 사례"),
    ("actions.reported", "Figures reported by the city (not official statistics)", "도시가 발표한 수치(공식 통계 아님)"),
    ("actions.unsafe-link", "(link not shown: not an http address)", "(http 주소가 아니어서 링크를 표시하지 않음)"),
    ("theme.housing", "Housing", "주거"),
    ("theme.transport", "Transport", "교통"),
    ("theme.planning", "Planning", "도시계획"),
    ("theme.heritage", "Heritage", "문화유산"),
    ("theme.resilience", "Resilience", "재난 회복력"),
    ("theme.air", "Air", "대기"),
    ("theme.waste", "Waste", "폐기물"),
    ("theme.green-space", "Green space", "녹지"),
    ("theme.governance", "Governance", "거버넌스"),
    ("theme.data", "Data", "데이터"),
    ("prefs.language", "Language", "언어"),
    ("prefs.theme", "Theme", "테마"),
    ("prefs.theme.auto", "System theme", "시스템 테마"),
    ("prefs.theme.light", "Light", "밝게"),
    ("prefs.theme.dark", "Dark", "어둡게"),
    ("load.loading", "Loading the data…", "데이터를 불러오는 중…"),
    ("load.more", "Loading more data…", "데이터를 더 불러오는 중…"),
    ("load.done", "All requested data loaded.", "요청한 데이터를 모두 불러왔습니다."),
    ("load.fatal", "The data could not be loaded", "데이터를 불러올 수 없습니다"),
    ("notice.unknown", "Some values in this link were not recognised; defaults are shown instead:", "이 링크의 일부 값을 알 수 없어 기본값으로 표시합니다:"),
    ("notice.dismiss", "Dismiss", "닫기"),
    ("landing.search", "Find a city or local government", "도시나 지방정부 찾기"),
    ("landing.map-caption", "{series}: Asia-Pacific cities by their latest value ({from}–{to})", "{series}: 아시아·태평양 도시의 최근 값 ({from}–{to})"),
    ("landing.of-cities", "{n} of {total} cities", "{total}개 도시 중 {n}개"),
    ("landing.open-map", "Open the full map", "전체 지도 열기"),
    ("landing.map-loading", "Loading the map preview…", "지도 미리보기를 불러오는 중…"),
    ("landing.map-unavailable", "The map preview could not be loaded; the full map still works.", "지도 미리보기를 불러오지 못했습니다. 전체 지도는 쓸 수 있습니다."),
    ("landing.targets", "The targets of Goal 11", "목표 11의 세부목표"),
    ("landing.tile-cities", "up to {n} cities with data", "최대 {n}개 도시 자료"),
    ("landing.tile-no-cities", "no city data yet", "도시 자료 아직 없음"),
    ("landing.tile-more", "{n} more series without city values", "도시 값이 없는 계열 {n}개 더"),
    ("landing.tile-actions", "{n} local actions", "지역 실천 {n}건"),
    ("search.loading", "Loading city names…", "도시 이름을 불러오는 중…"),
    ("credit.label", "Source and licence:", "출처와 라이선스:"),
    ("overview.title", "Goal 11: sustainable cities and communities", "목표 11: 지속가능한 도시와 공동체"),
    ("overview.cities-loaded", "cities and local governments in the gazetteer.", "개 도시와 지방정부가 지명 사전에 있습니다."),
    ("series.proxy", "proxy", "대리 지표"),
    ("sources.title", "Data sources and licences", "데이터 출처와 라이선스"),
    ("sources.intro", "Each pack is loaded when a view needs it. Counts come from the data build.", "각 데이터 묶음은 필요한 보기에서 불러옵니다. 개수는 데이터 빌드 결과입니다."),
    ("sources.pack", "Pack", "데이터 묶음"),
    ("sources.state", "State", "상태"),
    ("sources.places", "Places", "장소"),
    ("sources.records", "Records", "기록"),
    ("sources.licence", "Licence and attribution", "라이선스와 저작자 표시"),
    ("sources.failed", "Failed", "실패"),
    ("sources.loaded", "Loaded", "불러옴"),
    ("sources.loading", "Loading…", "불러오는 중…"),
    ("sources.partly", "Partly loaded", "일부 불러옴"),
    ("sources.on-demand", "Loaded when needed", "필요할 때 불러옴"),
    ("filter.label", "Filters", "필터"),
    ("filter.series", "Indicator", "지표"),
    ("filter.year", "Year", "연도"),
    ("filter.year.latest", "Latest", "최신"),
    ("filter.region", "Region", "지역"),
    ("filter.country", "Country", "국가"),
    ("filter.subregion", "Subregion", "소지역"),
    ("filter.close", "Close filters and show results", "필터 닫고 결과 보기"),
    ("filter.size", "Population", "인구"),
    ("filter.status", "Status", "상태"),
    ("filter.all", "All", "전체"),
    ("filter.count", "{n} cities match", "{n}개 도시가 조건에 맞습니다"),
    ("region.world", "World", "세계"),
    ("region.asia-pacific", "Asia-Pacific", "아시아·태평양"),
    ("region.korea", "Korea", "한국"),
    ("size.lt300k", "Under 300,000", "30만 명 미만"),
    ("size.300k-1m", "300,000 to 1 million", "30만–100만 명"),
    ("size.1m-5m", "1 to 5 million", "100만–500만 명"),
    ("size.5m-10m", "5 to 10 million", "500만–1000만 명"),
    ("size.10m+", "10 million or more", "1000만 명 이상"),
    ("status.green", "Goal achieved", "목표 달성"),
    ("status.yellow", "Challenges remain", "과제 남음"),
    ("status.orange", "Significant challenges", "상당한 과제"),
    ("status.red", "Major challenges", "주요 과제"),
    ("status.nodata", "No data", "자료 없음"),
    ("status.na", "Value only (no sourced thresholds)", "값만 표시(출처 있는 기준 없음)"),
    ("trend.on-track", "On track", "목표 경로"),
    ("trend.moderate", "Moderately improving", "다소 개선"),
    ("trend.stagnating", "Stagnating", "정체"),
    ("trend.decreasing", "Decreasing", "악화"),
    ("trend.no-trend", "Too little data to judge", "판단하기에 자료 부족"),
    ("trend.na", "Not assessed", "평가 안 함"),
    ("progress.on-track", "Progress: on track", "진전: 목표 경로"),
    ("progress.acceleration", "Progress made, acceleration needed", "진전 있음, 가속 필요"),
    ("progress.limited", "Limited progress", "제한적 진전"),
    ("progress.deterioration", "Progress: deterioration", "진전: 후퇴"),
    ("progress.unable", "Too little data to judge progress", "진전을 판단하기에 자료 부족"),
    ("progress.na", "Progress not assessed", "진전 평가 안 함"),
    ("indicator.progress-title", "How progress is judged (no threshold)", "진전 판단 방법(기준 없음)"),
    ("indicator.progress-rule", "This series has no sourced threshold, so it gets no status colour. Its progress is judged as national SDG platforms do, by Statistics Canada's method adopted by Open SDG: the compound annual growth from the 2015 value (or the first after 2015) to the latest, in the good direction. 1.5 % a year or more: on track; 0.5 % or more: progress made, acceleration needed; 0 or more: limited progress; less: deterioration. It needs three values of one source over four calendar years; a share held at 100 % is on track. This is a measure of the city's own progress, not the SDSN status.", "이 계열에는 출처가 있는 기준이 없어 상태 색을 매기지 않습니다. 진전은 국가 SDG 플랫폼처럼, Open SDG가 채택한 캐나다 통계청 방법으로 판단합니다. 2015년 값(없으면 2015년 이후 첫 값)에서 최근 값까지의 연평균 복합 증가율을 바람직한 방향으로 봅니다. 연 1.5% 이상: 목표 경로, 0.5% 이상: 진전 있음·가속 필요, 0 이상: 제한적 진전, 그 미만: 후퇴. 한 출처의 값이 네 해 이상에 걸쳐 세 개 이상 있어야 하며, 100%를 유지하는 비율은 목표 경로로 봅니다. 도시 자체의 진전을 재는 것이며 SDSN 상태가 아닙니다."),
    ("indicator.progress-source", "Source of the method: Statistics Canada, progress measurement methodology for the SDGs, as documented by Open SDG (Progress Measurement Methodology).", "방법 출처: 캐나다 통계청 SDG 진전 측정 방법론(Open SDG 문서, Progress Measurement Methodology)."),
    ("search.label", "Search cities", "도시 검색"),
    ("search.placeholder", "City name, e.g. Seoul or 서울", "도시 이름, 예: 서울 또는 Seoul"),
    ("map.label", "Map of {shown} of {total} selected cities. Use arrow keys to pan, + and − to zoom, ] and [ to step through cities, Enter to open one.", "선택한 {total}개 도시 중 {shown}개를 보여 주는 지도. 화살표 키로 이동, +와 −로 확대·축소, ]와 [로 도시 선택, Enter로 열기."),
    ("map.role", "interactive map", "대화형 지도"),
    ("map.presets", "Map area", "지도 범위"),
    ("map.zoom", "Zoom", "확대·축소"),
    ("map.zoom-in", "Zoom in", "확대"),
    ("map.zoom-out", "Zoom out", "축소"),
    ("map.reset", "Reset zoom", "처음 크기로"),
    ("map.help", "Drag, pinch or use the wheel to move and zoom. Keyboard: arrows, + and −, ] and [ to step through cities, Enter to open. Overlapping cities are thinned out; zoom in to see more, or use the table.", "끌기, 두 손가락, 휠로 이동하고 확대합니다. 키보드: 화살표, +와 −, ]와 [로 도시 이동, Enter로 열기. 겹치는 도시는 덜 그려집니다. 확대하거나 표를 쓰세요."),
    ("map.by-value", "No sourced thresholds for this series: colour shows the value, from lowest to highest in the selection.", "이 계열에는 출처 있는 기준이 없어 색으로 값의 높낮이를 보여 줍니다."),
    ("map.size", "Symbol size: population. Shape and colour: status.", "기호 크기: 인구. 모양과 색: 상태."),
    ("map.boundaries", "Boundaries: Natural Earth; Korea: Statistics Korea (SGIS) 2018. Boundaries do not imply endorsement.", "경계: Natural Earth, 한국: 통계청 SGIS 2018. 경계 표시는 승인을 뜻하지 않습니다."),
    ("thresholds.source", "Status thresholds:", "상태 기준:"),
    ("year.play", "Play", "재생"),
    ("year.pause", "Pause", "일시 정지"),
    ("table.title", "Cities", "도시"),
    ("table.csv", "Download CSV", "CSV 내려받기"),
    ("table.page", "Page {page} of {pages}", "{pages}쪽 중 {page}쪽"),
    ("table.prev", "Previous", "이전"),
    ("table.next", "Next", "다음"),
    ("col.city", "City", "도시"),
    ("col.country", "Country", "국가"),
    ("col.population", "Population", "인구"),
    ("col.value", "Value", "값"),
    ("col.year", "Year", "연도"),
    ("col.status", "Status", "상태"),
    ("col.indicator", "Indicator", "지표"),
    ("col.trend", "Trend or progress", "추세·진전"),
    ("col.history", "History", "추이"),
    ("col.rank", "Rank in subregion", "소지역 내 순위"),
    ("col.country-value", "Country", "국가 값"),
    ("col.source", "Source", "출처"),
    ("city.unknown", "This city is not in the data", "이 도시는 자료에 없습니다"),
    ("city.back-to-map", "Back to the map", "지도로 돌아가기"),
    ("city.caption", "Goal 11 indicators: latest value, status, trend since 2015, and context", "목표 11 지표: 최신 값, 상태, 2015년 이후 추세, 참고 값"),
    ("city.subregion", "Subregion", "소지역"),
    ("city.part-of", "Part of", "상위 지역"),
    ("city.rank", "{rank} of {of}", "{of}개 중 {rank}위"),
    ("city.count-not-ranked", "A count: not ranked", "건수: 순위 없음"),
    ("city.doubtful", "Doubtful value", "의심스러운 값"),
    ("city.compare", "Compare with", "비교할 도시"),
    ("city.compare.choose", "Choose a city…", "도시 선택…"),
    ("city.chart", "Open the chart", "차트 열기"),
    ("chart.country", "country", "국가"),
    ("chart.keys", "Arrow keys step through the data points.", "화살표 키로 자료 점을 차례로 봅니다."),
    ("chart.log-population", "Population (log scale)", "인구(로그 척도)"),
    ("chart.over-time", "over time", "시간에 따른 변화"),
    ("chart.ranking", "highest and lowest in the selection", "선택 중 최고와 최저"),
    ("chart.against", "against", "대비"),
    ("chart.scatter-x", "Scatter against", "산점도 가로축"),
    ("chart.vs-population", "against population", "인구 대비"),
    ("chart.show-table", "Show as table", "표로 보기"),
    ("chart.show-chart", "Show as chart", "차트로 보기"),
    ("chart.svg", "Download SVG", "SVG 내려받기"),
    ("chart.png", "Download PNG", "PNG 내려받기"),
    ("chart.table", "Chart data", "차트 자료"),
    ("chart.x", "Year, rank or population", "연도, 순위 또는 인구"),
    ("indicator.label", "Indicator", "지표"),
    ("indicator.target", "Target", "세부목표"),
    ("indicator.series", "Data series", "자료 계열"),
    ("indicator.unit", "Unit", "단위"),
    ("indicator.direction", "Better when", "좋은 방향"),
    ("indicator.tier", "Tier (UN, 2022)", "등급(UN, 2022)"),
    ("indicator.thresholds", "Status thresholds", "상태 기준"),
    ("indicator.bands", "Bounds are inclusive: a value exactly on a bound takes the better band's colour. The four labels (goal achieved, challenges remain, significant challenges, major challenges) are the wording of SDSN's SDG dashboards; the bounds come from the source named below.", "경계값은 포함됩니다. 경계와 같은 값은 더 나은 구간의 색으로 표시합니다. 네 가지 상태 이름(목표 달성, 과제 남음, 상당한 과제, 주요 과제)은 SDSN SDG 대시보드의 표현이며, 경계값은 아래 출처를 따릅니다."),
    ("indicator.trend-title", "How the trend is computed", "추세 계산 방법"),
    ("indicator.trend-rule", "As in SDSN's Sustainable Development Report: the yearly change since the latest value at or before 2015 (or the first value) is compared with the yearly change needed to close that value's gap to the green bound over SDSN's fixed horizon, 2015 to 2030. A trend needs at least three values of one source, spanning at least four calendar years, from that start to the latest; with less, or across a change of source, it says: too little data to judge. On track or maintaining achievement: at least the needed change, or a latest value in the green band. Moderately improving: at least half of it. Stagnating: less than half. Decreasing: worse than the start. A change of exactly half, or exactly all, of the needed one counts as reaching it.", "SDSN 지속가능발전보고서와 같은 방식입니다. 2015년 또는 그 이전의 가장 최근 값(없으면 첫 값) 이후의 연간 변화를, 그 값과 초록 기준의 차이를 SDSN의 고정 기간(2015~2030년)에 메우는 데 필요한 연간 변화와 비교합니다. 추세에는 그 시작부터 최근까지 한 출처의 값이 세 개 이상, 네 해 이상에 걸쳐 있어야 하며, 그보다 적거나 출처가 바뀌면 판단하기에 자료 부족으로 표시합니다. 목표 경로(달성 유지 포함): 필요한 변화 이상이거나 최근 값이 초록 구간. 다소 개선: 필요한 변화의 절반 이상. 정체: 절반 미만. 악화: 시작보다 나빠짐. 필요한 변화의 정확히 절반 또는 전부는 도달한 것으로 봅니다."),
    ("indicator.trend-source", "Source of the rule: Sachs, Lafortune, Fuller and Drumm, Sustainable Development Report (SDSN, Dublin University Press), methodology of the trend dashboards.", "규칙 출처: Sachs, Lafortune, Fuller, Drumm, 지속가능발전보고서(SDSN, Dublin University Press), 추세 대시보드 방법론."),
    ("city.location-unknown", "Location unknown: a source names this settlement, but it could not be placed on the map with certainty, so it is not drawn there. Its values are shown as the source gives them.", "위치 미상: 자료에 이 지역 이름이 있지만 지도 위 위치를 확실히 정할 수 없어 지도에는 표시하지 않습니다. 값은 자료 그대로 보여 줍니다."),
    ("indicator.no-thresholds", "No sourced thresholds exist for this series, so values are shown without a status colour.", "이 계열에는 출처 있는 기준이 없어 상태 색 없이 값만 보여 줍니다."),
    ("indicator.distribution", "Distribution across cities", "도시별 분포"),
    ("indicator.histogram", "Cities per value range", "값 구간별 도시 수"),
    ("indicator.cities", "Cities", "도시 수"),
    ("indicator.leaders", "Leaders", "선도 도시"),
    ("indicator.laggards", "Laggards", "뒤처진 도시"),
    ("indicator.highest", "Highest", "가장 높음"),
    ("indicator.lowest", "Lowest", "가장 낮음"),
    ("indicator.coverage", "Data coverage by year", "연도별 자료 범위"),
    ("indicator.on-map", "See it on the map", "지도에서 보기"),
    ("direction.higher", "higher", "높을수록"),
    ("direction.lower", "lower", "낮을수록"),
    ("direction.neutral", "neither (no status is claimed)", "어느 쪽도 아님(상태 판단 없음)"),
];

/// The string for `key` in `lang`; the key itself when it is missing (a test keeps
/// that from happening).
pub fn text(lang: Lang, key: &str) -> &'static str {
    match MESSAGES.iter().find(|(k, _, _)| *k == key) {
        Some((_, en, ko)) => match lang {
            Lang::En => en,
            Lang::Ko => ko,
        },
        None => MISSING,
    }
}

/// The message for `key` with each `{name}` placeholder replaced by its value.
/// Placeholders without a value stay visible, so a gap shows rather than hides.
pub fn fill(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut out = text(lang, key).to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Shown for a missing key, so that the gap is visible rather than blank.
const MISSING: &str = "[missing text]";

/// An integer with thousands separators: `1947` -> `1,947`.
pub fn format_int(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_every_placeholder_and_keeps_unknown_ones() {
        assert_eq!(
            fill(Lang::En, "filter.count", &[("n", "1,947")]),
            "1,947 cities match"
        );
        assert_eq!(
            fill(Lang::Ko, "filter.count", &[("n", "3")]),
            "3개 도시가 조건에 맞습니다"
        );
        assert_eq!(fill(Lang::En, "filter.count", &[]), "{n} cities match");
    }

    #[test]
    fn pick_prefers_korean_only_in_korean() {
        assert_eq!(Lang::Ko.pick("Seoul", Some("서울")), "서울");
        assert_eq!(Lang::En.pick("Seoul", Some("서울")), "Seoul");
        assert_eq!(Lang::Ko.pick("Paris", None), "Paris");
        assert_eq!(Lang::Ko.pick("Paris", Some("")), "Paris");
    }

    #[test]
    fn thousands() {
        assert_eq!(format_int(0), "0");
        assert_eq!(format_int(999), "999");
        assert_eq!(format_int(1_947), "1,947");
        assert_eq!(format_int(13_000_000), "13,000,000");
    }
}

/// A measured value for display: 1 decimal from 10 up, 2 below, none from 1,000
/// (with separators); trailing zeros are dropped.
pub fn format_value(v: f64) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let a = v.abs();
    if a >= 1000.0 {
        let s = format_int(a.round() as u64);
        return if v < 0.0 { format!("-{s}") } else { s };
    }
    let s = if a >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    };
    let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

#[cfg(test)]
mod value_tests {
    use super::*;

    #[test]
    fn values_for_display() {
        assert_eq!(format_value(23.44), "23.4");
        assert_eq!(format_value(23.0), "23");
        assert_eq!(format_value(0.105), "0.1");
        assert_eq!(format_value(-0.1050), "-0.1");
        assert_eq!(format_value(1234567.0), "1,234,567");
        assert_eq!(format_value(f64::NAN), "–");
    }
}

#[cfg(test)]
mod message_tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    fn app_sources(dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                app_sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(std::fs::read_to_string(path).unwrap());
            }
        }
    }

    /// String literals in the app that look like message keys (`area.name`).
    fn keys_used() -> BTreeSet<String> {
        let mut texts = Vec::new();
        app_sources(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src"),
            &mut texts,
        );
        let mut keys = BTreeSet::new();
        for text in texts {
            for literal in text.split('"').skip(1).step_by(2) {
                let is_key = literal.contains('.')
                    && !literal.contains(['/', ' ', '{', '='])
                    && literal
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_lowercase())
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-+".contains(c))
                    && !literal
                        .rsplit('.')
                        .next()
                        .is_some_and(|ext| ["json", "svg", "png", "csv", "rs"].contains(&ext));
                if is_key {
                    keys.insert(literal.to_string());
                }
            }
        }
        keys
    }

    #[test]
    fn every_key_used_by_the_app_exists_in_both_languages() {
        let used = keys_used();
        assert!(used.len() > 50, "the scan found the app's keys: {used:?}");
        let missing: Vec<&String> = used
            .iter()
            .filter(|k| !MESSAGES.iter().any(|(m, _, _)| m == k))
            .collect();
        assert!(
            missing.is_empty(),
            "keys used in src/ but missing here: {missing:?}"
        );
    }

    #[test]
    fn every_message_has_both_languages_once() {
        let mut seen = BTreeSet::new();
        for (key, en, ko) in MESSAGES {
            assert!(seen.insert(key), "duplicate key {key}");
            assert!(
                !en.trim().is_empty() && !ko.trim().is_empty(),
                "{key} lacks a language"
            );
            // Placeholders must match across languages.
            let holes = |s: &str| {
                s.split('{')
                    .skip(1)
                    .map(|p| p.split('}').next().unwrap_or("").to_string())
                    .collect::<BTreeSet<_>>()
            };
            assert_eq!(holes(en), holes(ko), "{key}: placeholders differ");
        }
        assert_eq!(text(Lang::Ko, "nav.map"), "지도");
        assert_eq!(text(Lang::En, "no.such.key"), MISSING);
    }

    #[test]
    fn every_view_has_a_name_in_both_languages() {
        for view in crate::url_state::View::ALL {
            let key = format!("nav.{}", view.key());
            for lang in [Lang::En, Lang::Ko] {
                assert_ne!(text(lang, &key), MISSING, "{key}");
            }
        }
    }
}
