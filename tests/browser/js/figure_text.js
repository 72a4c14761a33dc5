async () => {
  const images = Array.from(document.querySelectorAll('figure.aicap-figure img'));
  const results = [];
  for (const img of images) {
    img.loading = 'eager';
    img.scrollIntoView();
    await new Promise(resolve => img.complete ? resolve() : img.addEventListener('load', resolve, {once: true}));
    const svg = await (await fetch(img.currentSrc)).text();
    const box = svg.match(/viewBox="0 0 ([\d.]+) ([\d.]+)"/);
    const sizes = Array.from(svg.matchAll(/font(?:-size)?:\s*(?:[a-z]+ )*([\d.]+)px/g), m => Number(m[1]));
    results.push({src: img.currentSrc, shown: img.getBoundingClientRect().width,
                  viewBox: box ? Number(box[1]) : null, smallest: Math.min(...sizes),
                  texts: sizes.length, alt: img.alt.slice(0, 60)});
  }
  return results;
}
