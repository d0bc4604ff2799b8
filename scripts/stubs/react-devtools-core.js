// Ink imports react-devtools-core for its optional DevTools link; the shipped build never uses it.
export default { initialize() {}, connectToDevTools() {} };
