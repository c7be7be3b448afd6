// The app's views for the tests that go over all of them (axe's matrix, the screens'
// fit): a name, a permalink and a selector that shows the view has drawn.
export const VIEWS = [
  ['overview', '', '[data-testid=landing-map] path.dots'],
  ['map', '?view=map&region=korea&series=pm25', 'svg.map path.city'],
  ['chart', '?view=chart&city=kr-11', '[data-testid=chart-lines] svg.chart'],
  ['table', '?view=table&country=KOR', '[data-testid=city-table] tbody tr'],
  ['city', '?view=city&city=kr-31010', '[data-testid=city-name]'],
  ['indicator', '?view=indicator&series=pm25', '.two-col li a'],
  // One target's cards: every card has the same structure, and axe's colour rule on
  // all 346 takes over a minute per run.
  ['actions', '?view=actions&target=11.1', '[data-testid=action-card]'],
  ['korea', '?view=korea', '[data-testid=korea-map] path'],
  ['report', '?view=report&city=kr-11', '[data-testid=report-city]'],
  ['share', '?view=share', '[data-testid=share-form]'],
  ['mydata', '?view=mydata', '[data-testid=mydata-file]'],
];
