// Runs in <head> before first paint (no flash of the wrong theme): the stored
// choice, else the system preference. Kept out of the client component module
// so the server layout can inline it as a plain string.
export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem('theme');if(t!=='light'&&t!=='dark'){t=window.matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}document.documentElement.dataset.theme=t}catch(e){}})()`;
