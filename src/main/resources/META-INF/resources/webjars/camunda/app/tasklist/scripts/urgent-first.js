// Tasklist sorts every list by "Created" (newest first) unless the address names a sorting, and a filter's own order
// is not used. Agents work the most urgent first: where the task list is shown without a sorting of the agent's
// own choice, this adds "due date ascending, then priority descending" to the address. A sorting the agent picks
// stays (it is in the address from then on).
const URGENT_FIRST = JSON.stringify([
  {sortBy: 'dueDate', sortOrder: 'asc'},
  {sortBy: 'priority', sortOrder: 'desc'}
]);

function urgentFirst() {
  const hash = window.location.hash || '#/';
  const [route, query = ''] = hash.slice(1).split('?');
  const onTheTaskList = route === '/' || route === '';
  const params = new URLSearchParams(query);
  if (onTheTaskList && !params.has('sorting')) {
    params.set('sorting', URGENT_FIRST);
    window.location.replace('#/?' + params.toString());
  }
}

urgentFirst();
window.addEventListener('hashchange', urgentFirst);

export default [];
