//! The shared corpus (real localized Partner Center pages) as one site.
