"""Pixels: classes and styles, the views, the folium web maps and the charts; ``png/`` renders the
static maps and animations."""
