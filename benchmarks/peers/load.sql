-- After ogr2ogr has copied the GeoPackage's layers into @schema@ (reprojected to the metric CRS): GiST indexes on
-- every geometry (ogr2ogr is run without its own) and fresh statistics, as a PostGIS user would before querying.
CREATE INDEX ON @schema@.parcels USING gist (geom);
CREATE INDEX ON @schema@.wards USING gist (geom);
CREATE INDEX ON @schema@.schools USING gist (geom);
CREATE INDEX ON @schema@.industrial_zones USING gist (geom);
ANALYZE @schema@.parcels;
ANALYZE @schema@.wards;
ANALYZE @schema@.schools;
ANALYZE @schema@.industrial_zones;
