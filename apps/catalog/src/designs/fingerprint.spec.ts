import { artworkFingerprint, normaliseArtworkRef } from './fingerprint';

describe('artwork fingerprint', () => {
  it('treats trivially different references to one artwork as the same', () => {
    const a = artworkFingerprint('https://cdn.example.com/art/mushroom.png?v=2&size=l');
    expect(artworkFingerprint('  HTTPS://CDN.Example.com:443/art/mushroom.png?size=l&v=2#top ')).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps different artworks and path case apart, and only trims storage keys', () => {
    expect(artworkFingerprint('https://cdn.example.com/art/Mushroom.png')).not.toBe(
      artworkFingerprint('https://cdn.example.com/art/mushroom.png'),
    );
    expect(normaliseArtworkRef('  designs/team-1/a.png ')).toBe('designs/team-1/a.png');
  });
});
