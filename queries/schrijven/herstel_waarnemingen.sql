-- Zet de waarden van een upload (upload_waarde, de geschiedenis) als geldende waarnemingen in `waarneming`:
-- bij het vastleggen van een nieuwe versie en bij het intrekken van de versie die haar verving.
insert into waarneming (indicator_code, regio_code, peiljaar, leeftijd, waarde, herkomst_id, citaat)
select
    indicator_code,
    gemeente_code,
    peiljaar,
    leeftijd,
    waarde,
    'upload:' || upload_id as herkomst_id,
    -- de eigen bron van deze rij (de herkomst noemt alle bronnen van het werkblad)
    coalesce(bron || ' — ', '') || 'werkblad ' || $werkblad || ', rij ' || rij
    || coalesce(', kolom ' || kolom, '') as citaat
from upload_waarde
where upload_id = $upload_id
